import CadreLinearModel
import XCTest

final class StopRequestTests: XCTestCase {
    /// A request that follows another is asked when that one is, and asking it leaves the other alone: the planner
    /// ends its own searches with it, and the user's stop ends them too.
    func testAFollowingRequestIsAskedWithItsParentButNotTheOtherWay() {
        let user = StopRequest()
        let search = StopRequest(following: user)
        XCTAssertFalse(search.isRequested)
        search.request()
        XCTAssertTrue(search.isRequested)
        XCTAssertFalse(user.isRequested, "ending one search is not the user's stop")

        let next = StopRequest(following: user)
        XCTAssertFalse(next.isRequested)
        user.request()
        XCTAssertTrue(next.isRequested)
        XCTAssertTrue(next.endsSearch(due: .distantFuture))
    }
}
