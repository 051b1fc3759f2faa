import CadreDomain
import CadreIO
import Foundation

/// The reorganisation file that takes the 2022 sample's 173 communes to the 2026 map, for `replan
/// --reorganisation`. Which old commune went into which new one is in Resolution 1677/NQ-UBTVQH15 but not in
/// the facts file, so it is estimated [E]: within each former district, its old wards go to its new wards and
/// its towns and communes to its new communes, in list order, in runs as even as the counts allow. Each row
/// gives the new unit's area and minority status, so the officials of a thị trấn (no longer a kind of unit)
/// take their new commune's.
public enum Reorganisation2025 {
    public static let fileName = "reorganisation-2025.csv"
    static let columns = ["old_commune", "old_unit", "new_commune", "new_unit", "new_area", "new_minority_area", "note"]

    public static func csv() -> Data {
        var csv = CSVWriter(header: columns)
        for row in QuangNgai2022.districts {
            let old = ProvinceGenerator.communes(of: row, districtName: row.name)
            let new = QuangNgai2026.units.filter { $0.formerDistrict == row.name }.map(\.commune)
            let pairs = evenRuns(old.filter { $0.kind == .ward }, into: new.filter { $0.kind == .ward })
                + evenRuns(old.filter { $0.kind != .ward }, into: new.filter { $0.kind == .commune })
            for (from, to) in pairs {
                csv.append([from.name, from.district, to.name, to.district, to.area.rawValue, to.minorityArea ? "yes" : "no",
                            "ước tính [E]: xem Nghị quyết 1677/NQ-UBTVQH15"])
            }
        }
        return csv.data
    }

    /// Each of `old` paired with one of `new`, consecutive runs whose lengths differ by at most one.
    private static func evenRuns(_ old: [Commune], into new: [Commune]) -> [(Commune, Commune)] {
        guard !new.isEmpty else { return [] }
        return old.enumerated().map { index, commune in (commune, new[index * new.count / old.count]) }
    }
}
