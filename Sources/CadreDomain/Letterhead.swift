/// Who issues and signs the papers sent with a plan (the rosters), from the scenario's optional keys `issuer`,
/// `issuer_parent`, `signer_title`, `signer_name` and `place`. Nil where the scenario is silent: the papers then
/// fall back to a default or leave room to write by hand.
public struct Letterhead: Sendable, Equatable {
    /// The issuing body (`TRƯỜNG CHÍNH TRỊ TỈNH QUẢNG NGÃI`).
    public var issuer: String?
    /// The body it answers to (`TỈNH ỦY QUẢNG NGÃI`).
    public var issuerParent: String?
    public var signerTitle: String?
    public var signerName: String?
    /// Where the paper is issued (`Quảng Ngãi`), before its date.
    public var place: String?

    public init(issuer: String? = nil, issuerParent: String? = nil, signerTitle: String? = nil, signerName: String? = nil,
                place: String? = nil) {
        self.issuer = issuer
        self.issuerParent = issuerParent
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.place = place
    }
}
