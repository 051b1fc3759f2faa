/// Orders ids as people read them: runs of digits compare by value, so `25-2` comes before `25-10`.
/// Ties (`007` and `7`) fall back to plain comparison, keeping the order total and the output stable.
public func naturallyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
    asciiNaturallyPrecedes(lhs, rhs) ?? scalarNaturallyPrecedes(lhs, rhs)
}

/// The order itself, scalar by scalar; the ASCII path below must agree with it on every pair.
func scalarNaturallyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
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

/// The same order on the UTF-8 bytes while they are ASCII, where a byte is a scalar; nil when a non-ASCII byte
/// comes before the order is decided. Ids made from long names (`TINHANTAY-19700208-TRANMINHVIET`) share long
/// prefixes, and walking them scalar by scalar made sorting a hundred thousand take seconds.
private func asciiNaturallyPrecedes(_ lhs: String, _ rhs: String) -> Bool? {
    var lhs = lhs
    var rhs = rhs
    lhs.makeContiguousUTF8()
    rhs.makeContiguousUTF8()
    let decided: Bool?? = lhs.utf8.withContiguousStorageIfAvailable { a in
        rhs.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            func digit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
            var i = 0
            var j = 0
            while i < a.count && j < b.count {
                let x = a[i]
                let y = b[j]
                if x >= 0x80 || y >= 0x80 { return nil }
                if digit(x) && digit(y) {
                    var iEnd = i
                    while iEnd < a.count && digit(a[iEnd]) { iEnd += 1 }
                    var jEnd = j
                    while jEnd < b.count && digit(b[jEnd]) { jEnd += 1 }
                    while i < iEnd && a[i] == 48 { i += 1 }
                    while j < jEnd && b[j] == 48 { j += 1 }
                    if iEnd - i != jEnd - j { return iEnd - i < jEnd - j }
                    while i < iEnd {
                        if a[i] != b[j] { return a[i] < b[j] }
                        i += 1
                        j += 1
                    }
                    i = iEnd
                    j = jEnd
                } else {
                    if x != y { return x < y }
                    i += 1
                    j += 1
                }
            }
            // The one that ran out first comes first; a tie (`007`, `7`) is left to the scalar path's plain order.
            return (i == a.count) != (j == b.count) ? i == a.count : nil
        } ?? nil
    }
    return decided ?? nil
}

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
