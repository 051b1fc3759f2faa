import CadreDomain

/// Every word the workbook and the report show, in Vietnamese or English.
public struct Wording {
    public let language: ReportLanguage
    /// What the `district` column names, so that a province without districts is not told "huyện".
    public let unitLabel: UnitLabel

    public init(language: ReportLanguage, unitLabel: UnitLabel = .district) {
        self.language = language
        self.unitLabel = unitLabel
    }

    public func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    // Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules).
    public var summarySheet: String { text("Tổng quan", "Summary") }
    public var scheduleSheet: String { text("Lịch đào tạo", "Schedule") }
    public var intakesSheet: String { text("Khóa học", "Intakes") }
    public var districtsSheet: String {
        switch unitLabel {
        case .district: text("Phân bổ theo huyện", "Districts")
        case .cluster: text("Phân bổ theo cụm xã", "Clusters")
        case .commune: text("Phân bổ theo xã, phường", "Communes")
        }
    }
    public var progressSheet: String { text("Tiến độ chỉ tiêu", "Target progress") }
    public var budgetSheet: String { text("Kinh phí", "Budget") }
    public var officialsSheet: String { text("Theo cán bộ", "By official") }

    public var item: String { text("Mục", "Item") }
    public var value: String { text("Giá trị", "Value") }
    public var scenario: String { text("Kịch bản", "Scenario") }
    public var status: String { text("Trạng thái", "Status") }
    public var objective: String { text("Thiếu hụt có trọng số", "Weighted shortfall") }
    public var gap: String { text("Khoảng cách tối ưu", "Optimality gap") }
    public var totalCost: String { text("Tổng chi phí (VND)", "Total cost (VND)") }
    public var solver: String { text("Bộ giải", "Solver") }
    public var starts: String { text("Lượt đào tạo", "Course starts") }
    public var time: String { text("Thời gian", "Time") }
    public var written: String { text("Đã ghi kết quả vào", "Outputs written to") }
    public var baseYear: String { text("Năm gốc", "Base year") }
    public var horizon: String { text("Năm cuối", "Horizon") }
    public var variables: String { text("Số biến", "Variables") }
    public var constraints: String { text("Số ràng buộc", "Constraints") }
    public var officials: String { text("Số cán bộ", "Officials") }
    public var courses: String { text("Số khóa học", "Courses") }
    public var targets: String { text("Số chỉ tiêu", "Targets") }
    public var carryOver: String { text("Chuyển kinh phí dư sang năm sau", "Unspent budget carried over") }
    public var maxTrainingDays: String { text("Số ngày học tối đa mỗi năm", "Most training days a year") }
    public var yes: String { text("có", "yes") }
    public var no: String { text("không", "no") }

    public var year: String { text("Năm", "Year") }
    public var officialId: String { text("Mã cán bộ", "Official id") }
    public var fullName: String { text("Họ và tên", "Full name") }
    public var district: String {
        switch unitLabel {
        case .district: text("Huyện", "District")
        case .cluster: text("Cụm xã", "Cluster")
        case .commune: text("Xã, phường nhận danh sách", "Commune (lists)")
        }
    }

    public var allocationTitle: String {
        switch unitLabel {
        case .district: text("Phân bổ học viên theo huyện", "Trainees by district")
        case .cluster: text("Phân bổ học viên theo cụm xã", "Trainees by cluster of communes")
        case .commune: text("Phân bổ học viên theo xã, phường", "Trainees by commune")
        }
    }

    public var allocationNote: String {
        switch unitLabel {
        case .district: text("Số học viên mỗi huyện cử đi học theo năm; chi tiết từng lớp trong districts.csv và plan.xlsx.",
                             "Trainees each district sends by year; per intake in districts.csv and plan.xlsx.")
        case .cluster: text("Số học viên mỗi cụm xã cử đi học theo năm; chi tiết từng lớp trong districts.csv và plan.xlsx.",
                            "Trainees each cluster of communes sends by year; per intake in districts.csv and plan.xlsx.")
        case .commune: text("Số học viên mỗi xã, phường, đặc khu cử đi học theo năm; chi tiết từng lớp trong districts.csv và plan.xlsx.",
                            "Trainees each commune sends by year; per intake in districts.csv and plan.xlsx.")
        }
    }
    public var commune: String { text("Xã", "Commune") }
    public var courseId: String { text("Mã khóa", "Course id") }
    public var courseName: String { text("Tên khóa học", "Course name") }
    public var family: String { text("Lĩnh vực", "Family") }
    public var grants: String { text("Trình độ đạt", "Grants") }
    public var completes: String { text("Năm hoàn thành", "Completes") }
    public var costPerTrainee: String { text("Chi phí/học viên (VND)", "Cost per trainee (VND)") }
    public var trainees: String { text("Số học viên", "Trainees") }
    public var seats: String { text("Chỉ tiêu lớp/năm", "Seats a year") }
    public var intakeCost: String { text("Chi phí khóa (VND)", "Intake cost (VND)") }
    public var target: String { text("Chỉ tiêu", "Target") }
    public var cohort: String { text("Đối tượng", "Cohort") }
    public var required: String { text("Cần đạt", "Required") }
    public var attained: String { text("Đã đạt", "Attained") }
    public var shortfall: String { text("Còn thiếu", "Shortfall") }
    public var attainedShare: String { text("Tỷ lệ đạt", "Attained share") }
    public var requiredShare: String { text("Tỷ lệ yêu cầu", "Required share") }
    public var measured: String { text("Tính vào mục tiêu", "Counts") }
    public var label: String { text("Nội dung", "Description") }
    public var budget: String { text("Kinh phí (VND)", "Budget (VND)") }
    public var spent: String { text("Đã chi (VND)", "Spent (VND)") }
    public var carried: String { text("Chuyển sang năm sau (VND)", "Carried (VND)") }
    public var used: String { text("Tỷ lệ sử dụng", "Share used") }
    public var courseList: String { text("Các khóa học", "Courses") }
    public var targetsAtHorizon: String { text("Chỉ tiêu được tính (năm cuối)", "Targets counted (horizon)") }

    public func statusWord(_ word: String) -> String {
        switch (language, word) {
        case (.vi, "optimal"): "tối ưu"
        case (.vi, "feasible"): "khả thi (chưa đạt khoảng cách yêu cầu)"
        case (.vi, "infeasible"): "không khả thi"
        case (.vi, "failed"): "thất bại"
        case (.vi, "not_run"): "không chạy (đã dừng)"
        case (.en, "not_run"): "not run (stopped)"
        default: word
        }
    }

    public func label(of target: Target) -> String {
        let preferred = language == .vi ? target.labelVi : target.labelEn
        return preferred.isEmpty ? (language == .vi ? target.labelEn : target.labelVi) : preferred
    }

    public func kind(_ kind: TargetKind) -> String {
        switch kind {
        case .required: text("bắt buộc", "required")
        case .strive: text("phấn đấu", "strive")
        }
    }
}

/// Words of the printed pages: the page footer and the rosters, laid out as Decree 30/2020/NĐ-CP lays out an
/// administrative paper.
extension Wording {
    /// Room to write by hand what the scenario does not say.
    public var blank: String { "……………" }
    public var pageNumbering: (before: String, between: String) { language == .vi ? ("Trang ", "/") : ("Page ", " of ") }

    public var nationalTitle: String { text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM") }
    public var motto: String { text("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness") }
    /// The date is left for the signer to write: a paper is dated when it is signed, and a date the program
    /// chose would make the same plan give different bytes, or a date nobody signed on.
    public func placeAndDate(_ place: String?) -> String {
        let place = place ?? blank
        return text("\(place), ngày …… tháng …… năm ……", "\(place), date …… / …… / ……")
    }
    public var rosterTitle: String { text("DANH SÁCH HỌC VIÊN", "LIST OF TRAINEES") }
    public func rosterCourse(_ course: Course, year: Int) -> String {
        text("Lớp \(course.name) (\(course.id)), năm \(year)", "\(course.name) (\(course.id)), \(year)")
    }
    public func rosterOpening(_ course: Course, year: Int) -> String {
        let days = text("\(course.days) ngày mỗi năm", "\(course.days) days a year")
        let length = course.years == 1 ? days : text("\(course.years) năm, ", "\(course.years) years, ") + days
        let place = course.provider.isEmpty ? "" : text(" tại \(course.provider)", " at \(course.provider)")
        return text("Khai giảng năm \(year)\(place); thời gian học: \(length)", "Opens in \(year)\(place); \(length)")
    }
    public func rosterDistrict(_ district: String) -> String { text("Học viên của \(district)", "Trainees from \(district)") }
    public var number: String { text("STT", "No.") }
    public var gender: String { text("Giới tính", "Gender") }
    public var birthYear: String { text("Năm sinh", "Born") }
    public var jobTitle: String { text("Chức vụ", "Title") }
    public var communeOfficial: String { text("Xã, phường, thị trấn", "Commune") }
    public func gender(_ gender: Gender) -> String {
        switch gender {
        case .male: text("Nam", "male")
        case .female: text("Nữ", "female")
        }
    }
    public func rosterTotal(_ count: Int) -> String { text("Tổng cộng: \(count) học viên", "Total: \(count) trainees") }
    public var recipients: String { text("Nơi nhận:", "Copies to:") }
    public var archived: String { text("- Lưu: VT.", "- File copy.") }
    /// When the scenario names no signer: Decree 30's wording for the head of the issuing body.
    public var defaultSignerTitle: String { text("THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF THE ISSUING BODY") }
    public var signHere: String { text("(Ký, ghi rõ họ tên và đóng dấu)", "(Signature, full name and seal)") }
}

/// Words of `compare.html` and `sweep.html`.
extension Wording {
    public var compareTitle: String { text("So sánh các kịch bản", "Scenarios compared") }
    public var sweepTitle: String { text("Chỉ tiêu đạt được theo mức kinh phí", "Attainment against budget") }
    public var metFrom: String { text("Đạt từ năm", "Met from") }
    public var exitCode: String { text("Mã thoát", "Exit code") }
    public var factor: String { text("Hệ số kinh phí", "Budget factor") }
}
