public enum PlanningError: Error, CustomStringConvertible {
    case solver(String)
    case inconsistent(String)

    public var description: String {
        switch self {
        case .solver(let message): "solver failure: \(message)"
        case .inconsistent(let message): "internal inconsistency: \(message)"
        }
    }
}
