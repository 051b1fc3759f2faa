/// Words the terminal output shows, in the planner's language.
struct Labels {
    let language: Language

    func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    var status: String { text("Trạng thái", "Status") }
    var objective: String { text("Thiếu hụt có trọng số", "Weighted shortfall") }
    var gap: String { text("Khoảng cách tối ưu", "Optimality gap") }
    var time: String { text("Thời gian", "Time") }
    var totalCost: String { text("Tổng chi phí (VND)", "Total cost (VND)") }
    var starts: String { text("Lượt đào tạo", "Course starts") }
    var target: String { text("Mục tiêu", "Target") }
    var year: String { text("Năm", "Year") }
    var cohort: String { text("Đối tượng", "Cohort") }
    var required: String { text("Cần đạt", "Required") }
    var attained: String { text("Đã đạt", "Attained") }
    var written: String { text("Đã ghi kết quả vào", "Outputs written to") }

    func statusWord(_ word: String) -> String {
        switch (language, word) {
        case (.vi, "optimal"): "tối ưu"
        case (.vi, "feasible"): "khả thi (chưa đạt khoảng cách yêu cầu)"
        case (.vi, "infeasible"): "không khả thi"
        case (.vi, "failed"): "thất bại"
        default: word
        }
    }
}
