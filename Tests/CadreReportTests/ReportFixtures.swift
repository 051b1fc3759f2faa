import CadreDomain
import CadreGLPK
import CadreIO
import CadrePlanner
import Foundation
import _CadreTestSupport

enum ReportFixtures {
    /// A small hand-made plan over 2022–2025: two targets, three officials (one with markup in the name),
    /// two districts; no solver involved, so every number is known.
    static func handMade() -> PlanningResult {
        let officials = [
            Official(id: "A1", fullName: "Nguyễn <b>Văn</b> & \"An\"", gender: .male, birthYear: 1980, category: .keyCadre,
                     title: "Chủ tịch UBND", district: "Ba Tơ", commune: "Xã Ba Điền"),
            Official(id: "A2", fullName: "Trần Thị Bình", gender: .female, birthYear: 1985, category: .keyCadre,
                     district: "Bình Sơn", commune: "Xã Bình Châu"),
            Official(id: "A10", fullName: "Lê Văn Cường", gender: .male, birthYear: 1990, category: .civilServant,
                     district: "Ba Tơ", commune: "Xã Ba Vì"),
        ]
        let courses = [
            Course(id: "TC-LLCT", name: "Trung cấp lý luận chính trị", family: .politicalTheory, grants: 2, years: 2,
                   days: 40, cost: 15_000_000, seats: 2),
            Course(id: "QLNN-CV", name: "Quản lý nhà nước ngạch chuyên viên", family: .stateManagement, grants: 1,
                   days: 30, cost: 4_500_000, seats: 5),
        ]
        let targets = [
            Target(id: "25-3", deadline: 2024, categories: [.keyCadre],
                   requirement: Requirement([LevelCondition(family: .politicalTheory, level: 2)]), share: 1,
                   weight: 10, labelVi: "Cán bộ chủ chốt có trung cấp LLCT <i>", labelEn: "Key cadres hold intermediate theory"),
            Target(id: "25-10", deadline: 2025, requirement: Requirement([LevelCondition(family: .stateManagement, level: 1)]),
                   share: 0.7, kind: .strive, labelVi: "70% được bồi dưỡng QLNN", labelEn: "70% trained in state management"),
        ]
        let scenario = Scenario(
            name: "hand <made>", baseYear: 2022, horizon: 2025, officials: officials, courses: courses, targets: targets,
            budget: [2022: 40_000_000, 2023: 40_000_000, 2024: 20_000_000, 2025: 0])
        let plan = Plan(starts: [
            CourseStart(official: 0, course: 0, year: 2022),
            CourseStart(official: 1, course: 0, year: 2023),
            CourseStart(official: 0, course: 1, year: 2024),
            CourseStart(official: 2, course: 1, year: 2023),
        ])
        return result(scenario, plan)
    }

    static func result(_ scenario: Scenario, _ plan: Plan) -> PlanningResult {
        let evaluation = PlanEvaluation(scenario: scenario, plan: plan)
        return PlanningResult(
            scenario: scenario, plan: plan, evaluation: evaluation, status: .optimal, objective: evaluation.objective,
            totalCost: evaluation.totalCost, gap: 0, seconds: 0.25, solverName: "GLPK 5.0", variables: 12, constraints: 7,
            stoppedBy: .gap)
    }

    /// A random tiny scenario planned by the real planner and GLPK: the first from `seed` on whose plan
    /// starts at least one course.
    static func planned(seed: UInt64) throws -> PlanningResult {
        let planner = Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 20))
        for candidate in seed..<(seed + 50) {
            let result = try planner.plan(TinyScenarios.random(seed: candidate))
            if !result.plan.starts.isEmpty { return result }
        }
        throw ReaderError("no tiny scenario from seed \(seed) has a plan with starts")
    }

    /// A fresh folder, removed by the caller.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-report-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A CSV's data rows, read back with CadreIO's reader.
    static func csvRows(_ data: Data?) throws -> (header: [String], rows: [[String]]) {
        var problems: [InputProblem] = []
        let table = CSVReader.read(data ?? Data(), file: "csv", problems: &problems)
        guard problems.isEmpty else { throw ReaderError("CSV problems: \(problems)") }
        return (table.header, table.records.map(\.fields))
    }
}
