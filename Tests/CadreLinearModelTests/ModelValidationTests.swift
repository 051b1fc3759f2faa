import CadreLinearModel
import XCTest

/// `validate()` is all that stands between a model and a backend that aborts the process on bad input: each
/// test breaks one rule and checks that exactly that rule is named, with the row or variable that broke it.
final class ModelValidationTests: XCTestCase {
    /// cover: x + y ≥ 4, cap: x ≤ 3.
    private func sound() -> LinearModel {
        var model = LinearModel(name: "sound")
        model.addRow(.atLeast(4, name: "cover"))
        model.addRow(.atMost(3, name: "cap"))
        model.addVariable(Variable(name: "x", cost: 2, entries: [Entry(row: 0, coefficient: 1), Entry(row: 1, coefficient: 1)]))
        model.addVariable(Variable(name: "y", kind: .integer, upper: 10, cost: 3, entries: [Entry(row: 0, coefficient: 1)]))
        return model
    }

    private func assertRejects(_ model: LinearModel, _ expected: ModelError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try model.validate(), file: file, line: line) { error in
            XCTAssertEqual(error as? ModelError, expected, file: file, line: line)
        }
    }

    func testASoundModelPasses() throws {
        try sound().validate()
        // Free rows and columns, equalities and empty models are all sound.
        var model = sound()
        model.addRow(Row(name: "free"))
        model.addRow(.equal(2, name: "fixed"))
        model.addVariable(Variable(name: "z", lower: -.infinity, upper: .infinity, entries: [Entry(row: 3, coefficient: -1.5)]))
        try model.validate()
        try LinearModel(name: "empty").validate()
    }

    // MARK: Numbers

    func testNonFiniteCoefficientsAreRejected() {
        for bad in [Double.infinity, -.infinity] {
            var model = sound()
            model.addVariable(Variable(name: "w", entries: [Entry(row: 1, coefficient: bad)]))
            assertRejects(model, .nonFiniteCoefficient(variable: "w", coefficient: bad))
        }
        // NaN equals nothing, so its case is matched rather than compared.
        var model = sound()
        model.addVariable(Variable(name: "w", entries: [Entry(row: 1, coefficient: .nan)]))
        XCTAssertThrowsError(try model.validate()) { error in
            guard case let .nonFiniteCoefficient(variable, coefficient)? = error as? ModelError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(variable, "w")
            XCTAssertTrue(coefficient.isNaN)
        }
    }

    func testNonFiniteCostsAreRejected() {
        var model = sound()
        model.addVariable(Variable(name: "w", cost: -.infinity))
        assertRejects(model, .nonFiniteCost(variable: "w", cost: -.infinity))
        var nan = sound()
        nan.setCost(0, .nan)
        XCTAssertThrowsError(try nan.validate()) { error in
            guard case .nonFiniteCost("x", _)? = error as? ModelError else { return XCTFail("\(error)") }
        }
    }

    // MARK: Bounds

    func testCrossedOrImpossibleRowBoundsAreRejected() {
        for (lower, upper) in [(5.0, 4.0), (Double.infinity, Double.infinity), (-Double.infinity, -Double.infinity)] {
            var model = sound()
            model.setRowBounds(1, lower: lower, upper: upper)
            assertRejects(model, .badRowBounds(row: "cap", lower: lower, upper: upper))
        }
        var nan = sound()
        nan.setRowBounds(0, lower: .nan, upper: 1)
        XCTAssertThrowsError(try nan.validate()) { error in
            guard case .badRowBounds("cover", _, 1)? = error as? ModelError else { return XCTFail("\(error)") }
        }
    }

    func testCrossedVariableBoundsAreRejected() {
        var model = sound()
        model.setVariableBounds(1, lower: 7, upper: 6)
        assertRejects(model, .badVariableBounds(variable: "y", lower: 7, upper: 6))
        // Equal bounds fix a variable: sound.
        var fixed = sound()
        fixed.setVariableBounds(1, lower: 6, upper: 6)
        XCTAssertNoThrow(try fixed.validate())
    }

    // MARK: Indices and names

    func testAnEntryOutsideTheRowsIsRejected() {
        for row in [2, -1] {
            var model = sound()
            model.addVariable(Variable(name: "w", entries: [Entry(row: row, coefficient: 1)]))
            assertRejects(model, .unknownRow(variable: "w", row: row, rowCount: 2))
        }
    }

    func testAColumnNamingARowTwiceIsRejected() {
        var model = sound()
        model.addVariable(Variable(name: "w", entries: [Entry(row: 1, coefficient: 1), Entry(row: 0, coefficient: 2),
                                                        Entry(row: 1, coefficient: 3)]))
        assertRejects(model, .repeatedRow(variable: "w", row: "cap"))
    }

    func testDuplicateNamesAreRejected() {
        var rows = sound()
        rows.addRow(.atMost(1, name: "cover"))
        assertRejects(rows, .duplicateRowName("cover"))
        var variables = sound()
        variables.addVariable(Variable(name: "x"))
        assertRejects(variables, .duplicateVariableName("x"))
        // A row and a variable may share a name: the file formats keep them apart.
        var shared = sound()
        shared.addVariable(Variable(name: "cover"))
        XCTAssertNoThrow(try shared.validate())
    }

    func testNamesTheFileFormatsCannotWriteAreRejected() {
        for name in ["", "two words", "Đồng", String(repeating: "n", count: 256), "tab\there"] {
            var rows = sound()
            rows.addRow(Row(name: name))
            assertRejects(rows, .unusableRowName(index: 2, name: name))
            var variables = sound()
            variables.addVariable(Variable(name: name))
            assertRejects(variables, .unusableVariableName(name))
        }
        var longest = sound()
        longest.addRow(Row(name: String(repeating: "n", count: 255)))
        XCTAssertNoThrow(try longest.validate())
    }

    /// The planner adds columns after the model is built; the single-column check holds them to the same rules
    /// against the rows already there.
    func testAColumnIsCheckedAgainstTheModelsRows() throws {
        let model = sound()
        try model.validate(Variable(name: "late", entries: [Entry(row: 1, coefficient: 4)]))
        XCTAssertThrowsError(try model.validate(Variable(name: "late", entries: [Entry(row: 2, coefficient: 4)]))) {
            XCTAssertEqual($0 as? ModelError, .unknownRow(variable: "late", row: 2, rowCount: 2))
        }
        XCTAssertThrowsError(try model.validate(Variable(name: "late", lower: 1, upper: 0))) {
            XCTAssertEqual($0 as? ModelError, .badVariableBounds(variable: "late", lower: 1, upper: 0))
        }
    }

    /// The first rule broken is the one named, rows before columns, so a message points at one place to fix.
    func testRowsAreCheckedBeforeColumns() {
        var model = sound()
        model.setRowBounds(0, lower: 2, upper: 1)
        model.addVariable(Variable(name: "w", cost: .infinity))
        assertRejects(model, .badRowBounds(row: "cover", lower: 2, upper: 1))
    }

    func testMessagesNameTheRuleAndThePlace() {
        XCTAssertEqual(ModelError.repeatedRow(variable: "w", row: "cap").description, "variable w names row cap twice")
        XCTAssertEqual(ModelError.unknownRow(variable: "w", row: 7, rowCount: 2).description, "variable w names row 7 of 2")
        XCTAssertEqual(ModelError.badRowBounds(row: "cap", lower: 5, upper: 4).description, "row cap has bounds [5.0, 4.0]")
        XCTAssertEqual(ModelError.unusableRowName(index: 3, name: "a b").description, "row 3 has an unusable name \"a b\"")
    }
}
