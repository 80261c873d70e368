import Foundation
import Paragraf

/// Token keys of both versions interned as integers.
///
/// Measured: interning through this open-addressing table of packed keys (read eight bytes at a time, through
/// buffers) instead of a `Dictionary` keyed by the folded bytes saves 212 M of 701 M instructions (30 %) of a
/// whole `paragraf diff` of the ×10 corpora.
///
/// Keys are interned twice. While a version is flattened, every token's folded bytes get a *provisional*
/// id from a byte-keyed hash table (no string per token). The ids that alignment uses are *final* ids,
/// given in the order in which alignment first looks at each atom (see ``FlatVersion/finalize(_:)``):
/// the order in which the earlier lazy token cache interned them, so that the bags of every unit sort
/// their keys the same way and similarity sums add up in the same order.
final class Symbols {
    /// A slot of the open-addressing table of provisional ids: the first 16 bytes of the key, zero-padded,
    /// as two little-endian words, its length and its id (-1 for an empty slot). Keys of at most 16 bytes
    /// are equal when their lengths and these words are, so a probe for one reads the slot alone.
    struct Slot {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var length: Int32 = 0
        var id: Int32 = -1
    }

    // Provisional ids: open addressing over folded key bytes. The tables marked `@exclusivity(unchecked)` are
    // read for every token interned or finalized (see the measured reason at ``FlatVersion/tokens``); no
    // access overlaps another.
    @exclusivity(unchecked) private var slots: [Slot]
    @exclusivity(unchecked) private var mask: Int
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Provisional id → provisional id of its era class, -1 without one; -2 for a key to look up by string.
    /// The era terms are interned first, so a plain key (``isPlainKey(from:)``) has its class by id; any
    /// other key may still equal a term as strings compare (canonically) and is looked up once.
    @exclusivity(unchecked) private var eraOf: [Int32] = []
    @exclusivity(unchecked) private var strings: [String?] = []

    // Final ids.
    @exclusivity(unchecked) private(set) var finalOf: [Int32] = []
    @exclusivity(unchecked) private(set) var provisionalOf: [Int32] = []
    /// Per final id, the comparison key of a word with that key (its era class's final id, or itself);
    /// -2 until a word token with the key is finalized.
    @exclusivity(unchecked) private(set) var wordBags: [Int32] = []
    /// The final id of "#", the comparison key of every number; -1 until the first atom is finalized.
    private(set) var numberSymbol: Int32 = -1

    init() {
        slots = [Slot](repeating: Slot(), count: 1024)
        mask = 1023
        keyBytes.reserveCapacity(1 << 14)
        // Measured: looking every key's string up in the lexicon instead (a String hash normalizes) cost
        // 3.4 M of 38.8 M instructions (8.7 %) of `VersionDiff.compare` of the 2003 → 2020 pair, given the
        // graphs (callgrind, `paragraf-bench once diff-graphs`). Provisional ids are never shown or compared
        // across runs; final ids follow the order of use, so interning these first changes no output.
        for (term, role) in Lexicon.eraEquivalents.sorted(by: { $0.key < $1.key }) {
            let id = intern(term)
            let roleID = intern(role)
            eraOf[Int(id)] = roleID
        }
    }

    var provisionalCount: Int { hashes.count }

    /// Reused buffer for folding one token's key (grown on demand, freed with the table).
    private var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    private var scratchCapacity = 256

    deinit { scratch.deallocate() }

    /// The provisional id of the token `b[start..<end]`'s comparison key (``Tokenizer/foldKey(_:)``).
    ///
    /// ASCII tokens of at most 16 bytes (most of them) are read as two words, lower-cased eight bytes
    /// at a time and looked up by those words. Other keys are folded into a reused buffer. Folding never
    /// makes a key longer: ASCII and Latin-1 letters keep their length, U+2011 shrinks, and the scalars
    /// kept as they are (U+0080–U+00BF, U+2000–U+203F) have no lower-case mapping.
    @inline(__always)
    func intern(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let count = end - start
        if count > 0 && count <= 16 && start >= 0 && start + 16 <= b.count, let base = b.baseAddress {
            // Both words lie inside the buffer; the bytes after the token are masked off.
            let (w0, w1) = Symbols.load(base + start, count)
            if (w0 | w1) & Symbols.highBits == 0 {
                return internShort(Symbols.lowerASCII(w0), Symbols.lowerASCII(w1), count)
            }
        }
        return internFolding(b, start, end)
    }

    /// The `count` ≤ 16 bytes at `p` as two little-endian words, zero-padded; 16 bytes must be readable.
    @inline(__always)
    private static func load(_ p: UnsafePointer<UInt8>, _ count: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(p)
        var w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        var w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if count < 8 {
            w0 &= (1 << UInt64(8 * count)) &- 1
            w1 = 0
        } else if count < 16 {
            w1 &= (1 << UInt64(8 * (count - 8))) &- 1
        }
        return (w0, w1)
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Eight ASCII bytes with "A"–"Z" lower-cased: a byte's high bit after adding 0x3F says it is at
    /// least "A", after adding 0x25 that it is past "Z" (no byte carries into the next, all being < 0x80).
    @inline(__always)
    private static func lowerASCII(_ w: UInt64) -> UInt64 {
        let atLeastA = w &+ ones &* 0x3F
        let pastZ = w &+ ones &* 0x25
        return w | ((atLeastA & ~pastZ & highBits) >> 2)
    }

    /// The hash of a key of at most 16 bytes, from its packed words and length.
    @inline(__always)
    private static func shortHash(_ w0: UInt64, _ w1: UInt64, _ count: Int) -> UInt64 {
        var h = (w0 ^ (w1 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        return h &* 0x94D0_49BB_1331_11EB
    }

    /// The provisional id of the folded key of `count` ≤ 16 bytes packed in `w0`, `w1`.
    @inline(__always)
    private func internShort(_ w0: UInt64, _ w1: UInt64, _ count: Int) -> Int32 {
        let h = Symbols.shortHash(w0, w1, count)
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let length = Int32(truncatingIfNeeded: count)
        while true {
            let entry = slots[slot]
            if entry.id < 0 { break }
            // A key of at most 16 bytes is its length and packed words (its hash follows from them).
            if entry.w0 == w0 && entry.w1 == w1 && entry.length == length { return entry.id }
            slot = (slot &+ 1) & mask
        }
        return addShort(hash: h, w0, w1, length: count, at: slot)
    }

    /// Adds a new key of `length` ≤ 16 bytes packed in `w0`, `w1` (kept out of line: most lookups find
    /// their key, and the byte copy would weigh on every one).
    @inline(never)
    private func addShort(hash h: UInt64, _ w0: UInt64, _ w1: UInt64, length: Int, at slot: Int) -> Int32 {
        withUnsafeBytes(of: (w0.littleEndian, w1.littleEndian)) { raw in
            keyBytes.append(contentsOf: raw.prefix(length))
        }
        return add(hash: h, w0, w1, length: length, at: slot)
    }

    /// ``intern(_:_:_:)`` for any key: folded byte by byte.
    @inline(never)
    private func internFolding(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        if end - start > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(end - start, scratchCapacity * 2)
            scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        }
        let out = scratch
        @inline(__always) func put(_ n: Int, _ c: UInt8) { out[n] = c }
        var n = 0
        var i = start
        while i < end {
            let c = b[i]
            if c < 0x80 {
                put(n, c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                n += 1
                i += 1
            } else if c == 0xC3, i + 1 < end {
                let d = b[i + 1]
                put(n, c)
                put(n + 1, d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d)
                n += 2
                i += 2
            } else if c == 0xC2, i + 1 < end, b[i + 1] & 0xC0 == 0x80 {
                // U+0080–U+00BF ("§", "«", "°"): no case.
                put(n, c)
                put(n + 1, b[i + 1])
                n += 2
                i += 2
            } else if c == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] & 0xC0 == 0x80 {
                if b[i + 2] == 0x91 {
                    put(n, 0x2D)  // U+2011 non-breaking hyphen
                    n += 1
                } else {
                    // U+2000–U+203F (dashes, quotes, bullets): no case.
                    put(n, c)
                    put(n + 1, 0x80)
                    put(n + 2, b[i + 2])
                    n += 3
                }
                i += 3
            } else {
                // Elsewhere: the standard library's lower-casing, as `foldKey` does.
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
                return intern(Tokenizer.foldKey(text))
            }
        }
        if n <= 16 {
            // The buffer holds at least 16 bytes.
            let (w0, w1) = Symbols.load(out, n)
            return internShort(w0, w1, n)
        }
        return internFolded(UnsafeBufferPointer(start: out, count: n))
    }

    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let hashPrime: UInt64 = 0x0000_0100_0000_01B3

    /// The provisional id of an already folded key.
    func intern(_ key: String) -> Int32 {
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBufferPointer { internFolded(UnsafeBufferPointer($0)) }
    }

    /// The first 16 bytes of `key`, zero-padded, as two little-endian words.
    private static func pack(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        for (k, c) in key.prefix(16).enumerated() {
            if k < 8 { w0 |= UInt64(c) << UInt64(8 * k) } else { w1 |= UInt64(c) << UInt64(8 * (k - 8)) }
        }
        return (w0, w1)
    }

    /// The provisional id of an already folded key: keys of at most 16 bytes are hashed and compared by
    /// their packed words (as ``intern(_:_:_:)`` does), longer ones by FNV-1a and their bytes.
    private func internFolded(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        if key.count <= 16 {
            let (w0, w1) = Symbols.pack(key)
            return internShort(w0, w1, key.count)
        }
        // FNV-1a over eight-byte words, then the remaining bytes (the hash only places keys in the table).
        var h = Symbols.hashSeed
        var k = 0
        if let base = key.baseAddress {
            while key.count - k >= 8 {
                h = (h ^ UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))) &* Symbols.hashPrime
                h ^= h >> 29
                k += 8
            }
        }
        while k < key.count {
            h = (h ^ UInt64(key[k])) &* Symbols.hashPrime
            k += 1
        }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let id = slots[slot].id
            if id < 0 { break }
            if hashes[Int(id)] == h {
                let s = keyStarts[Int(id)]
                let e = keyStarts[Int(id) + 1]
                if e - s == key.count,
                    keyBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + s, key.baseAddress!, key.count) }) == 0
                {
                    return id
                }
            }
            slot = (slot + 1) & mask
        }
        keyBytes.append(contentsOf: key)
        let (w0, w1) = Symbols.pack(key)
        return add(hash: h, w0, w1, length: key.count, at: slot)
    }

    /// Adds the key just appended to `keyBytes` (`length` bytes, its first 16 packed in `w0`, `w1`) as the
    /// next provisional id, in free slot `slot`.
    private func add(hash h: UInt64, _ w0: UInt64, _ w1: UInt64, length: Int, at slot: Int) -> Int32 {
        let id = Int32(hashes.count)
        hashes.append(h)
        eraOf.append(isPlainKey(from: keyStarts[keyStarts.count - 1]) ? -1 : -2)
        keyStarts.append(keyBytes.count)
        strings.append(nil)
        finalOf.append(-1)
        slots[slot] = Slot(w0: w0, w1: w1, length: Int32(truncatingIfNeeded: min(length, Int(Int32.max))), id: id)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// Doubles the table, moving every slot to its place in the larger one.
    private func grow() {
        let size = slots.count * 2
        let old = slots
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        for entry in old where entry.id >= 0 {
            let h = hashes[Int(entry.id)]
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[slot].id >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// The key of a provisional id.
    func key(provisional id: Int32) -> String {
        if let s = strings[Int(id)] { return s }
        let s = String(decoding: keyBytes[keyStarts[Int(id)]..<keyStarts[Int(id) + 1]], as: UTF8.self)
        strings[Int(id)] = s
        return s
    }

    /// The key of a final id.
    func key(_ symbol: Int32) -> String { key(provisional: provisionalOf[Int(symbol)]) }

    /// Whether the key appended to `keyBytes` from `start` on is plain: ASCII and Latin-1 scalars only. Such a
    /// key is its own normal form and equals another plain string exactly when the bytes do, so it is an era
    /// term only if it was interned as one.
    private func isPlainKey(from start: Int) -> Bool {
        var k = start
        while k < keyBytes.count {
            let c = keyBytes[k]
            if c < 0x80 {
                k += 1
            } else if (c == 0xC2 || c == 0xC3) && k + 1 < keyBytes.count && keyBytes[k + 1] & 0xC0 == 0x80 {
                k += 2
            } else {
                return false
            }
        }
        return true
    }

    /// The provisional id of the era class of provisional id `id` (``Lexicon/eraEquivalents``), or -1.
    @inline(__always)
    func era(_ id: Int32) -> Int32 {
        let known = eraOf[Int(id)]
        return known != -2 ? known : eraByString(id)
    }

    /// ``era(_:)`` looked up by the key's string, once per key.
    private func eraByString(_ id: Int32) -> Int32 {
        let era = Lexicon.eraEquivalents[key(provisional: id)].map { intern($0) } ?? -1
        eraOf[Int(id)] = era
        return era
    }

    /// The final id of provisional id `id`, assigning the next one on first use.
    @inline(__always)
    func final(_ id: Int32) -> Int32 {
        let f = finalOf[Int(id)]
        if f >= 0 { return f }
        let next = Int32(provisionalOf.count)
        finalOf[Int(id)] = next
        provisionalOf.append(id)
        wordBags.append(-2)
        return next
    }

    /// Gives a word's final id `symbol` (provisional id `provisional`) its comparison key, once: the era
    /// class's final id, assigned right after the word's as the token-by-token finalization always did.
    @inline(__always)
    func finalizeWordBag(_ symbol: Int32, provisional: Int32) {
        if wordBags[Int(symbol)] != -2 { return }
        let era = self.era(provisional)
        let bag = era >= 0 ? final(era) : symbol
        wordBags[Int(symbol)] = bag
    }

    /// The comparison key of a finalized token: era terms folded, every number "#", -1 for punctuation.
    @inline(__always)
    func bag(_ t: Tok) -> Int32 {
        switch t.kind {
        case .word: return wordBags[Int(t.symbol)]
        case .number: return numberSymbol
        case .punctuation: return -1
        }
    }

    /// What the readers of amounts, terms and citations ask of a key.
    struct KeyFacts {
        /// `Lexicon.modalities[key]`.
        var modality: Modality?
        /// `AmountReader.units[key]`.
        var amountUnit: String?
        /// `CitationRole(key: key)`.
        var citationRole: CitationRole
    }

    /// Per final id, its ``KeyFacts`` once asked (nil before).
    private var facts: [KeyFacts?] = []

    /// The facts of final id `symbol`'s key, looked up once per key. Measured: looking the key's string up
    /// in the word lists at every token asked costs 2.8 M of 381 M instructions (0.7 %) of `paragraf-bench once
    /// diff` at ×10.
    func facts(_ symbol: Int32) -> KeyFacts {
        let k = Int(symbol)
        if k < facts.count, let known = facts[k] { return known }
        if k >= facts.count { facts += [KeyFacts?](repeating: nil, count: max(k + 1, provisionalOf.count) - facts.count) }
        let key = self.key(symbol)
        let found = KeyFacts(
            modality: Lexicon.modalities[key], amountUnit: AmountReader.units[key], citationRole: CitationRole(key: key))
        facts[k] = found
        return found
    }

    /// Assigns "#" its final id before any other key, as the lazy cache did on its first miss.
    func startFinalizing() {
        if numberSymbol < 0 { numberSymbol = final(intern("#")) }
    }
}
