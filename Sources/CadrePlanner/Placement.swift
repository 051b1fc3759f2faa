/// Where one member of a group stands in the plans the member searches change: on one of the group's columns,
/// or in no training. Ordered as the searches break ties: no training first, then by column.
enum Placement: Hashable, Comparable {
    case untrained
    case column(Int)

    var column: Int? {
        if case .column(let column) = self { return column }
        return nil
    }
}
