/// The language of sheet names, column titles and report labels.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case vi, en
}
