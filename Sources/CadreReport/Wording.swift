import CadreDomain

/// Every word the workbook and the report show, in Vietnamese or English.
struct Wording {
    let language: ReportLanguage

    func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    // Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules).
    var summarySheet: String { text("Tổng quan", "Summary") }
    var scheduleSheet: String { text("Lịch đào tạo", "Schedule") }
    var intakesSheet: String { text("Khóa học", "Intakes") }
    var districtsSheet: String { text("Phân bổ theo huyện", "Districts") }
    var progressSheet: String { text("Tiến độ chỉ tiêu", "Target progress") }
    var budgetSheet: String { text("Kinh phí", "Budget") }
    var officialsSheet: String { text("Theo cán bộ", "By official") }

    var item: String { text("Mục", "Item") }
    var value: String { text("Giá trị", "Value") }
    var scenario: String { text("Kịch bản", "Scenario") }
    var status: String { text("Trạng thái", "Status") }
    var objective: String { text("Thiếu hụt có trọng số", "Weighted shortfall") }
    var gap: String { text("Khoảng cách tối ưu", "Optimality gap") }
    var totalCost: String { text("Tổng chi phí (VND)", "Total cost (VND)") }
    var solver: String { text("Bộ giải", "Solver") }
    var starts: String { text("Lượt đào tạo", "Course starts") }
    var baseYear: String { text("Năm gốc", "Base year") }
    var horizon: String { text("Năm cuối", "Horizon") }
    var variables: String { text("Số biến", "Variables") }
    var constraints: String { text("Số ràng buộc", "Constraints") }
    var officials: String { text("Số cán bộ", "Officials") }
    var courses: String { text("Số khóa học", "Courses") }
    var targets: String { text("Số chỉ tiêu", "Targets") }
    var carryOver: String { text("Chuyển kinh phí dư sang năm sau", "Unspent budget carried over") }
    var maxTrainingDays: String { text("Số ngày học tối đa mỗi năm", "Most training days a year") }
    var yes: String { text("có", "yes") }
    var no: String { text("không", "no") }

    var year: String { text("Năm", "Year") }
    var officialId: String { text("Mã cán bộ", "Official id") }
    var fullName: String { text("Họ và tên", "Full name") }
    var district: String { text("Huyện", "District") }
    var commune: String { text("Xã", "Commune") }
    var courseId: String { text("Mã khóa", "Course id") }
    var courseName: String { text("Tên khóa học", "Course name") }
    var family: String { text("Lĩnh vực", "Family") }
    var grants: String { text("Trình độ đạt", "Grants") }
    var completes: String { text("Năm hoàn thành", "Completes") }
    var costPerTrainee: String { text("Chi phí/học viên (VND)", "Cost per trainee (VND)") }
    var trainees: String { text("Số học viên", "Trainees") }
    var seats: String { text("Chỉ tiêu lớp/năm", "Seats a year") }
    var intakeCost: String { text("Chi phí khóa (VND)", "Intake cost (VND)") }
    var target: String { text("Chỉ tiêu", "Target") }
    var cohort: String { text("Đối tượng", "Cohort") }
    var required: String { text("Cần đạt", "Required") }
    var attained: String { text("Đã đạt", "Attained") }
    var shortfall: String { text("Còn thiếu", "Shortfall") }
    var attainedShare: String { text("Tỷ lệ đạt", "Attained share") }
    var requiredShare: String { text("Tỷ lệ yêu cầu", "Required share") }
    var measured: String { text("Tính vào mục tiêu", "Counts") }
    var label: String { text("Nội dung", "Description") }
    var budget: String { text("Kinh phí (VND)", "Budget (VND)") }
    var spent: String { text("Đã chi (VND)", "Spent (VND)") }
    var carried: String { text("Chuyển sang năm sau (VND)", "Carried (VND)") }
    var used: String { text("Tỷ lệ sử dụng", "Share used") }
    var courseList: String { text("Các khóa học", "Courses") }
    var targetsAtHorizon: String { text("Chỉ tiêu được tính (năm cuối)", "Targets counted (horizon)") }

    func statusWord(_ word: String) -> String {
        switch (language, word) {
        case (.vi, "optimal"): "tối ưu"
        case (.vi, "feasible"): "khả thi (chưa đạt khoảng cách yêu cầu)"
        case (.vi, "infeasible"): "không khả thi"
        case (.vi, "failed"): "thất bại"
        default: word
        }
    }

    func label(of target: Target) -> String {
        let preferred = language == .vi ? target.labelVi : target.labelEn
        return preferred.isEmpty ? (language == .vi ? target.labelEn : target.labelVi) : preferred
    }

    func kind(_ kind: TargetKind) -> String {
        switch kind {
        case .required: text("bắt buộc", "required")
        case .strive: text("phấn đấu", "strive")
        }
    }
}
