/// Orders ids as people read them: runs of digits compare by value, so `25-2` comes before `25-10`.
/// Ties (`007` and `7`) fall back to plain comparison, keeping the order total and the output stable.
public func naturallyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
    var left = lhs.unicodeScalars[...]
    var right = rhs.unicodeScalars[...]
    while let l = left.first, let r = right.first {
        if isDigit(l) && isDigit(r) {
            let leftDigits = left.prefix(while: isDigit)
            let rightDigits = right.prefix(while: isDigit)
            left = left.dropFirst(leftDigits.count)
            right = right.dropFirst(rightDigits.count)
            let a = leftDigits.drop { $0 == "0" }
            let b = rightDigits.drop { $0 == "0" }
            if a.count != b.count { return a.count < b.count }
            if !a.elementsEqual(b) { return a.lexicographicallyPrecedes(b) }
        } else {
            if l != r { return l < r }
            left = left.dropFirst()
            right = right.dropFirst()
        }
    }
    if left.isEmpty != right.isEmpty { return left.isEmpty }
    return lhs < rhs
}

private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

/// Each id's place when `ids` are sorted by `naturallyPrecedes` (equal ids by position). Sorting a hundred
/// thousand officials' starts by these compares integers, not strings, and copies no official.
public func naturalRanks(_ ids: [String]) -> [Int] {
    let order = ids.indices.sorted { a, b in
        naturallyPrecedes(ids[a], ids[b]) || (ids[a] == ids[b] && a < b)
    }
    var ranks = Array(repeating: 0, count: ids.count)
    for (rank, index) in order.enumerated() { ranks[index] = rank }
    return ranks
}
