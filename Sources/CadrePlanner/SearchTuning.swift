/// Every number the search is tuned by, in one place: how the time limit is shared out, the seed, the
/// tolerances and the sizes of the heuristics. None changes what a plan must obey (the referee,
/// `PlanEvaluation`, judges that); they change which plan is found and how fast. Shares are of the time
/// left at the point named, unless said to be of the whole limit.
enum SearchTuning {
    // MARK: Time shares

    /// The shortfall relaxation ends by this share of the limit: it decides both the bound and the columns
    /// any integer plan can use, so it gets most of the time.
    static let shortfallColumnsShare = 0.6
    /// The shortfall's integer search ends by this share of the limit: heuristics are quick, branch and cut
    /// gets what is left.
    static let shortfallSearchShare = 0.75
    /// The spending phase ends by this share of the limit: the rest is kept for recounting and returning.
    static let spendingEndShare = 0.97
    /// `min-budget` ends its unlimited-money relaxation by this share of the limit: its spending phase is the
    /// command's answer and gets about as long.
    static let leastBudgetColumnsShare = 0.45
    /// `min-budget` ends its unlimited-money integer search by this share of the limit.
    static let leastBudgetSearchShare = 0.5
    /// `plan`'s spending phase ends once its plan is within this many millions of VND (1,000 VND) of the bound,
    /// whatever the gap asked. What is left is the tie rules' nudges (at most 7 × 10⁻⁶ each start), and at `--gap 0`
    /// chasing them took the phase's whole share (40 officials, seed 3: 8 s for 130 VND). `min-budget` keeps the
    /// gap alone: its spending is the answer.
    static let spendingSettledWithin = 1e-3
    /// Of the spending phase, its column generation: the integer search over them needs the other half.
    static let spendingColumnsShare = 0.5
    /// `export-model` prices columns until this share of the limit, then writes.
    static let exportColumnsShare = 0.9
    /// Of the shortfall's search time, the corners (perturbed roundings): the best corner comes early and
    /// later rounds rarely beat it.
    static let cornersShare = 0.35
    /// On the provinces whose windows follow the corners (151–500 officials), this share instead: the windows find the
    /// plans later corners would, and more (300 officials, seeds 1–5: the best corner came at 0.3–4.7 s of 15.8; with
    /// the windows from 5.5 s, 1,139 and 1,145 at 12–13 s instead of 22–23 s, and seed 5 1,347 instead of 1,352; 500
    /// officials, seed 1: 1,832 instead of 1,831, the corner found at 7.7 s).
    static let cornersShareBeforeWindows = 0.12
    /// Of what is left after the corners, the trades at most: on 100,000 officials each sweep takes seconds.
    static let tradesShare = 0.5
    /// Of what is left, the annealing, and then of what is left after it, the trades again: the
    /// neighbourhoods and branch and cut need the rest.
    static let annealingShare = 0.25
    static let tradesAfterAnnealingShare = 0.25
    /// Of what is left, a neighbourhood that frees every group: as plain branch and cut would get.
    static let wholeNeighbourhoodShare = 0.5
    /// Seconds any relaxation may take past the deadline, so that even a tiny time limit returns a plan.
    static let graceSeconds = 5.0
    /// Seconds for one neighbourhood that frees only part of the groups: long enough for branch and cut to
    /// settle most, short enough to draw many.
    static let neighbourhoodSeconds = 1.5

    // MARK: Seed

    /// The seed of the corners, the annealing and the neighbourhoods: fixed, so that the same province and
    /// the same options give the same plan.
    static let seed: UInt64 = 2022

    // MARK: Tolerances

    /// A plan, move or column counts as better only by more than this: sums of the same numbers in another
    /// order differ by rounding dust, and dust must not decide between plans.
    static let improvement = 1e-9
    /// A relaxation's value within this of a whole number is that number; a bound within it of a whole
    /// number proves that number.
    static let wholeness = 1e-6
    /// Relative slack of a cap on the weighted shortfall (and of the recount against the solver's value):
    /// the solver's values carry dust relative to their size.
    static let relativeSlack = 1e-6
    /// A gap within this of the requested one has reached it: gaps are ratios of sums with their own dust.
    static let gapSlack = 1e-12
    /// The dynamic programs keep a state only when it is worth more than this: equal values in another order.
    static let valueDust = 1e-12
    /// Column generation stops once the relaxation is within this share of the requested gap of its bound:
    /// the integer search cannot use a closer one.
    static let relaxationGapShare = 0.1
    /// The exact completion's listing reaches this far beyond what the proof needs: the duals are a simplex's,
    /// exact only to its tolerances.
    static let reachTolerance = 1e-4
    /// A bound the completion proves from the duals is taken this much lower, for the same reason.
    static let boundDust = 1e-5

    // MARK: Sizes of the search

    /// Weight of the tie rules, in millions of VND per start: small enough never to outweigh a real
    /// difference in cost, large enough to decide between equal ones.
    static let tieWeight = 1e-6
    /// States kept per year by the cheap pricing of the early rounds.
    static let pricingBeam = 64
    /// Groups with at most this many sequences get all of them as columns at once; the optimum over
    /// them is then exact, not priced. Large provinces list only the smallest sets, to keep the master small.
    static func completeSequenceLimit(officials: Int) -> Int { officials <= 1_000 ? 48 : 4 }
    /// Moves of the annealing: a fixed number, so that the same province gives the same plan (2,000 per
    /// official with a choice, at most two million: 2 s on 1,000 officials).
    static let annealingMoves = 2_000_000
    static let annealingMovesPerMember = 2_000
    /// Size of the corners' nudge, in weighted-shortfall units per column: any positive amount picks another corner.
    static let perturbation = 0.005
    /// A column whose reduced cost exceeds this many nudges is left out of the corners' relaxations.
    static let outOfReachNudges = 20.0
    /// Corners tried while the plan is outside the gap.
    static let perturbedRounds = 400
    /// The same at a loose gap (above `tightGap`: a what-if at 0.5 %), after which the trades take over. Which
    /// corner lands within the gap is luck: the sample's budget × 1.4 at 0.5 %, warm in a sweep, tried 20 corners
    /// (2.1 s) where trades after 8 close it (3.9 → 3.1 s, 7,982 → 7,987); at the contract's gap and below,
    /// the corners stay, since they find the better plans (the sample at 0.1 %: 20,058 against 20,067).
    static let perturbedRoundsAtLooseGap = 8
    /// Corners still tried once a plan is within a tight gap (the contract's 0.1 % or less): a planner asking
    /// that much wants the best plan, and on large provinces these rounds find plans better than the proof
    /// needs (100,000 officials: 374,647 → 374,602 for 10 s of a 54-s run). A fixed count, like the rest.
    static let roundsWithinGap = 16
    static let tightGap = 0.001

    /// The rounds after which the corners' best is refined (by trades) when it is new since the last refinement:
    /// 8, 16, 32, … — at most six refinements in 400 rounds, each a fraction of a second on the sample.
    static func refinesCorner(_ round: Int) -> Bool { round >= 8 && round & (round - 1) == 0 }
    /// How many corners a search asking `gap` tries, its plan already within that gap or not.
    static func cornerRounds(within: Bool, gap: Double) -> Int {
        if within { return roundsWithinGap }
        return gap <= tightGap ? perturbedRounds : perturbedRoundsAtLooseGap
    }
    /// The corners search their relaxation's neighbourhood from this round on: after the refinements at 8 and 16,
    /// which close the gap on most what-ifs, so that their plans stay as they were.
    static let firstCornerNeighbourhood = 17
    /// A relaxation's neighbourhood is searched only when it splits at most this many groups, and for at most this
    /// many nodes (the sample at × 1.4: 0.1 s each; 500 or 3,000 found the same plans).
    static let relaxationNeighbourhoodGroups = 40
    static let relaxationNeighbourhoodNodes = 1_000
    /// Share of the groups the first neighbourhood frees, and the least share it shrinks to.
    static let initialFreeShare = 0.15
    static let smallestFreeShare = 0.03
    /// How the freed share grows when branch and cut settles a neighbourhood, and shrinks when it runs out of time.
    static let freeShareGrowth = 1.25
    static let freeShareShrink = 0.8
    /// Sequences the exact completion lists in its first round; each later round may list four times as many.
    static let firstCompletionLimit = 20_000
    /// Beyond this many listed sequences in one round, the master grows too large for branch and cut to settle
    /// in the time a planner waits: the completion gives up.
    static let largestCompletionLimit = 320_000
    /// Provinces of at most this many officials are searched exactly: branch and price (`branchAndPrice`), then the
    /// per-person model (`personSearch`), instead of the master's neighbourhoods, branch and cut over its columns and
    /// the completion, which prove nothing over every plan or cannot hold the listing a proof needs (40 officials,
    /// seed 1: the per-person model proves 70 in 0.7 s in `plan`, 0.9 s in glpsol).
    static let exactSearchOfficials = 150
    /// The per-person search runs only while its model has at most this many columns (60 officials: 1,341).
    static let personModelColumns = 6_000
    /// The finder searches the per-person model beside branch and price's tree from its first node while it has at most
    /// this many columns: HiGHS settled those of 60 officials (1,300–2,100 columns) within the minute, on one core beside
    /// the tree, and not those of 100–120 (2,800–3,500) under the heuristics' incumbent, where it only took a core the
    /// other searches use (120 officials, seed 2: 470 unproven, against 468 proven at 20 s without it). Those follow
    /// the finder's first search of the priced columns (`PlanningRun.finderSearcher`).
    static let personSearchBesideColumns = 2_500
    /// Where GLPK's per-person search follows branch and price (50 officials or fewer whose per-person model the
    /// finder does not search beside the tree: `PlanningRun.personProblem`), the tree gets this share of the search time
    /// left, and the per-person search the rest (measured on 15 provinces of 40–100 officials: see the README).
    static let branchAndPriceShare = 0.85
    /// Branch and price searches a node's relaxation neighbourhood (`relaxationNeighbourhood`) at first once every so
    /// many nodes: each takes up to its node budget of GLPK's, a node of branch and price a few milliseconds.
    static let branchAndPriceNeighbourhoodEvery = 10
    /// Each neighbourhood that finds no better plan doubles the interval to the next, up to this many nodes; a better
    /// plan brings it back to the first. Once the incumbent is the optimum, every neighbourhood is in vain, and at a
    /// fixed interval they took half of the tree's time and most of the spending phase's (40 officials, seed 2: 5.4
    /// of 11.5 s and 5.4 of 7.2 s). With doubling up to 160 nodes 9 of the 15 small provinces are proven within
    /// 10 s, against 7, and 40 officials, seed 2, at 8.9–10.3 s (doubling up to 40: no better). Deep in the tree
    /// the neighbourhoods, now rarer, still find plans (60 officials, seed 2: 138 at node 1,741, where the fixed
    /// interval ended at 147), but fewer early ones (100 officials: 386 instead of 380).
    static let branchAndPriceNeighbourhoodSparsest = 160
    /// For at most this many of GLPK's nodes each: with 1,000 (the corners' budget) they took most of the tree's time
    /// (60 officials, seed 1: 10.4 of 11.5 s, against 0.6 s for the nodes' relaxations), and 200 proved 7 of 15 small
    /// provinces within 10 s against 5. Some plans they found go (60 officials, seed 3: 282 at the limit instead of 273).
    static let branchAndPriceNeighbourhoodNodes = 200
    /// Once the incumbent is within this much of the bound, branch and price's plunge (the child nearest the
    /// relaxation, searched next) goes only through nodes at the bound's level, and a child above it waits its turn in
    /// bound order: near the incumbent what is left is mostly the proof, and a plunge past the level visits nodes a
    /// proof need not (100 officials: the bound 379 at 7 s instead of 19). Farther off, the plunges are what finds the
    /// plans (40 officials, seed 2: 403 at the root, 291 at node 139). With 5, 100 officials stayed at 380 (the
    /// support neighbourhoods below found nothing in that tree); with 20 it was proven at 27.5 s and 60 seed 3 at 20 s.
    static let levelPlungeReach = 10.0
    /// Every this many nodes, at a node whose bound is within one step of the incumbent, branch and price searches the
    /// columns the relaxations of its last this many nodes used, with the incumbent's (`supportNeighbourhood`), for
    /// at most `supportNeighbourhoodNodes` of GLPK's nodes. Where only a plan at the bound's level is better, the
    /// rounding of one node's relaxation misses it and the windows hold too much of the incumbent: 100 officials, 379
    /// from such a search at 12 s, where the windows found it at 23 s, over twice the columns.
    static let supportNeighbourhoodEvery = 20
    static let supportNeighbourhoodNodes = 200
    /// The window neighbourhoods (`windowDescent`): how many years a window spans, of how many of GLPK's nodes each
    /// search may take (a budget of work, the same on every machine), and by how much the columns must have grown for
    /// the windows to be searched again under one incumbent. Five of nine years: in six glpsol did not settle a window
    /// of 60 officials (seeds 2 and 3) in 10 s, in three or fewer no better plan lay (seed 3).
    static let windowYears = 5
    static let windowNodes = 1_500
    /// Inside branch and price each window gets this many nodes instead: with 300 first and 1,500 only for the windows
    /// 300 cut short, every plan the windows found on 40–100 officials (8 provinces) came from a search of 300, and
    /// the longer searches found nothing (60 officials, seed 4: two windows of 2.4 s each, before the last found 262
    /// at once).
    static let windowNodesInTree = 300
    /// Inside branch and price, after the runs of consecutive years, the windows of two runs a year or more apart
    /// (`windows(nodeLimit:splitNodeLimit:)`), each for at most this many nodes. A better plan often moves money
    /// between years far apart: 60 officials, seed 3, 272 to 271 re-times courses in 2023–2025 and 2028–2029 to pay for
    /// one more trainee in 2029. With them, 60 seed 3 was proven at 271 in 8.7 s (before: 272 at the limit, the bound
    /// 271 since 9 s) and seed 1 in 3.0 s instead of 9.8, the rest of the 15 small provinces within noise. With 300
    /// nodes, as the runs, the rounds that found nothing took 35 of 38 s on 80 officials, which ended at 343 instead
    /// of 338, and 100 officials were proven at 43 s instead of 36; 50 nodes did as 100.
    static let splitWindowNodesInTree = 100
    /// A turn of the windows ends after this many windows of two runs that did not settle within their nodes: on 80
    /// officials such windows took 16 of the tree's 38 s (55 of them) and the plan at the limit was 343 instead of
    /// 338; ending after 6 kept 338, with 60 officials, seed 3, still proven in 8.5 s (after 3, it was not).
    static let unsettledSplitWindows = 6
    static let windowColumnGrowth = 1.0
    /// Above branch and price's provinces, the windows are searched (for at most this share of the time left, before
    /// the neighbourhoods) on provinces of at most this many officials: on 300 (seeds 1–3) they found 1,139 and 1,145
    /// where the neighbourhoods alone stayed at 1,144 and 1,146; on 1,000 (seeds 1–3) nothing, and their time cost a
    /// plan (3,669 against 3,668); on 500 (seeds 1, 2) 1,831 and 1,717 against 1,831 and 1,718.
    static let windowOfficials = 500
    static let windowShare = 0.5
    /// After this many nodes without raising the bound, branch and price searches the columns it has priced
    /// (`pricedColumnSearch`), once for each bound; for at most this many of GLPK's nodes, which end it at the same
    /// place on every machine (1–2 s on 40–60 officials; 300 nodes missed the plans of 40 officials, seeds 1, 5, 6
    /// and 8, that 1,500 found).
    static let branchAndPriceStallNodes = 50
    static let pricedColumnSearchNodes = 1_500
    /// The provinces the finder searches (`PlanningRun.activeFinder`). Not those GLPK's search of the priced columns
    /// (above) covers: on 40 officials the finder's searches took 1–1.7 s each, more than the whole proof needed, and 9
    /// of 12 provinces were proven later (seed 5: 11.7 s instead of 3.6). Up to 1,000: there (seed 1) HiGHS finds
    /// 3,827 over the relaxation's columns in 1 s, where the neighbourhoods end at 3,846; above, a search over tens of
    /// thousands of columns would take the time the neighbourhoods use well.
    static let finderOfficials = (pricedColumnSearchOfficials + 1)...1_000
    /// The most of the time left that one search of the finder over every column priced so far may take: before the
    /// windows (`bestInteger`), or beside branch and price's tree.
    static let columnSearchShare = 0.4
    /// Beside branch and price's tree, the finder searches the priced columns again, once its last search has ended,
    /// when they are this share more than at that search.
    static let finderColumnGrowth = 0.5
    /// Under the same incumbent the priced columns are searched again (at a higher bound) only once they have grown by
    /// this share: a search that found nothing finds nothing over nearly the same columns (40 officials, seed 5: seven
    /// searches of 2–3 s under the same cap, over 363 to 557 columns), and one over many more may (seed 7: the optimum
    /// at the third search, over 662 columns against 444 and 595).
    static let pricedColumnGrowth = 0.1
    /// Each search of the priced columns looks first for a plan at most this share of the gap above the bound (rounded
    /// down to a whole person). The eight provinces of 40 officials were proven in 41.8 s in all with the search at
    /// the bound itself (0), in 38.7–38.9 s with a quarter (seed 7: 3.9 s against 7.4, its optimum found under 166
    /// with the bound at 164; seed 3: 2.3 s against 0.6); with half, seed 5 was no longer proven.
    static let pricedColumnNearBound = 0.25
    /// The search below the incumbent is made again under the same incumbent only once the columns have grown by this
    /// share since one found nothing: on the eight provinces of 40 officials it then skipped two searches of seed 2
    /// (8.9 s to its proof against 9.8 s) and none elsewhere, every proof and plan the same.
    static let pricedColumnBelowGrowth = 0.5
    /// Only on provinces of at most this many officials. On 40 officials (8 seeds) the searches found every plan
    /// they were tried for, 1–17 s sooner; on 60–100 (7 seeds) they found nothing, and the time they took was the
    /// tree's (60 officials, seed 4: no longer proven in 60 s; 100 officials: 386 instead of 381). Capping them at
    /// half the tree's time did not help the larger and slowed the smaller. Nor where the finder searches the
    /// per-person model beside the tree (`PlanningRun.branchAndPrice`), which finds those plans too.
    static let pricedColumnSearchOfficials = 50
}
