import Paragraf
import Foundation

/// A token of a flat token table: bytes, kind and interned key in 12 bytes, instead of a ``Token``'s two
/// strings. Its comparison key follows from its kind and key (``Symbols/bag(_:)``).
struct Tok {
    var start: Int32
    /// The interned key (provisional until its atom is finalized, see ``Symbols``).
    var symbol: Int32
    /// The length in bytes (the low 30 bits) and the kind's raw value (the high 2).
    private let lengthAndKind: UInt32

    /// A token of `end - start` bytes: at most ``Tokenizer/maxTokenLength``, far below the 2³⁰ the length field holds.
    @inline(__always)
    init(start: Int32, end: Int32, symbol: Int32, kind: Token.Kind) {
        let length = UInt32(end - start)
        precondition(length < Tok.lengthMask, "a token of a gigabyte or more")
        self.start = start
        self.symbol = symbol
        lengthAndKind = length | UInt32(kind.rawValue) << 30
    }

    private static let lengthMask: UInt32 = (1 << 30) - 1

    @inline(__always) var end: Int32 { start + Int32(lengthAndKind & Tok.lengthMask) }
    /// The kind: the raw values 0, 1, 2 are the cases' own tags, so the two bits are the enum itself.
    @inline(__always) var kind: Token.Kind { unsafeBitCast(UInt8(truncatingIfNeeded: lengthAndKind >> 30), to: Token.Kind.self) }
    @inline(__always) var offsets: Range<Int> { Int(start)..<Int(end) }
}

/// Token keys of both versions interned as integers.
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

    // Provisional ids: open addressing over folded key bytes.
    @exclusivity(unchecked) private var slots: [Slot]
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private var keyBytes: [UInt8] = []
    @exclusivity(unchecked) private var keyStarts: [Int] = [0]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Provisional id → provisional id of its era class, -1 without one; -2 for a key to look up by string.
    /// The era terms are interned first, so a plain key (``isPlain(_:)``) has its class by id; other keys
    /// may still equal a term as strings do (canonical equivalence) and are looked up.
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
        // Provisional ids are never compared across runs or shown; final ids follow the order of use.
        for (term, role) in Lexicon.eraEquivalents.sorted(by: { $0.key < $1.key }) {
            let id = intern(term)
            eraOf[Int(id)] = intern(role)
        }
        // The modal verbs and amount units too, so that their tables are read by id.
        for (word, modality) in Lexicon.modalities.sorted(by: { $0.key < $1.key }) { modalityByID[intern(word)] = modality }
        for (word, unit) in AmountReader.units.sorted(by: { $0.key < $1.key }) { unitByID[intern(word)] = unit }
        actorSuffixBytes = Lexicon.actorSuffixes.map { Array($0.utf8) }
    }

    /// `Lexicon.modalities` by provisional id.
    private var modalityByID: [Int32: Modality] = [:]
    /// `AmountReader.units` by provisional id.
    private var unitByID: [Int32: String] = [:]
    /// The UTF-8 bytes of `Lexicon.actorSuffixes`.
    private var actorSuffixBytes: [[UInt8]] = []

    /// Whether the key of provisional id `id` is plain: ASCII and Latin-1 scalars only. Such a key is its
    /// own normal form and every scalar of it a character of its own, so it equals another plain string,
    /// and ends with one, exactly when the bytes do.
    private func isPlain(_ id: Int32) -> Bool {
        let s = keyStarts[Int(id)], e = keyStarts[Int(id) + 1]
        return keyBytes.withUnsafeBufferPointer { b -> Bool in
            var k = s
            while k < e {
                let c = b[k]
                if c < 0x80 {
                    k += 1
                } else if (c == 0xC2 || c == 0xC3) && k + 1 < e && b[k + 1] & 0xC0 == 0x80 {
                    k += 2
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Whether the key of provisional id `id` ends with one of `Lexicon.actorSuffixes`, as `hasSuffix` tells
    /// (by bytes for a plain key).
    private func namesActor(provisional id: Int32) -> Bool {
        let s = keyStarts[Int(id)], e = keyStarts[Int(id) + 1]
        guard isPlain(id) else {
            let w = key(provisional: id)
            return Lexicon.actorSuffixes.contains { w.hasSuffix($0) }
        }
        return keyBytes.withUnsafeBufferPointer { b in
            actorSuffixBytes.contains { suffix in
                suffix.count <= e - s && suffix.withUnsafeBufferPointer { x in memcmp(b.baseAddress! + e - x.count, x.baseAddress!, x.count) == 0 }
            }
        }
    }

    var provisionalCount: Int { hashes.count }

    /// Reused buffer for folding one token's key (grown on demand, freed with the table).
    @exclusivity(unchecked) private var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    @exclusivity(unchecked) private var scratchCapacity = 256

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
            // Eight ASCII bytes of the token at a time (long compounds are mostly ASCII).
            if end - i >= 8, let base = b.baseAddress {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if w & Symbols.highBits == 0 {
                    UnsafeMutableRawPointer(out + n).storeBytes(of: Symbols.lowerASCII(w).littleEndian, as: UInt64.self)
                    n += 8
                    i += 8
                    continue
                }
            }
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
        var w0: UInt64 = 0, w1: UInt64 = 0
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
                let s = keyStarts[Int(id)], e = keyStarts[Int(id) + 1]
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
        keyStarts.append(keyBytes.count)
        eraOf.append(isPlain(id) ? -1 : -2)
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

    /// The provisional id of the era class of provisional id `id` (``Lexicon/eraEquivalents``), or -1.
    @inline(__always)
    func era(_ id: Int32) -> Int32 {
        let known = eraOf[Int(id)]
        return known != -2 ? known : eraByString(id)
    }

    /// ``era(_:)`` for a key that is not plain: looked up as a string, once.
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

    /// The size of a per-key table that must hold key `k`: every final id so far (the tables are first
    /// read after all atoms are finalized), so that it grows once rather than key by key.
    private func tableSize(_ k: Int) -> Int { max(k + 1, provisionalOf.count) }

    /// What the lexicon says of a key: its modality and whether it names an authority.
    struct LexiconEntry {
        var modality: Modality?
        var namesActor: Bool
    }
    @exclusivity(unchecked) private var lexiconEntries: [LexiconEntry?] = []

    /// The lexicon's word on final id `symbol`, looked up once per key.
    func lexicon(_ symbol: Int32) -> LexiconEntry {
        let k = Int(symbol)
        if k < lexiconEntries.count, let known = lexiconEntries[k] { return known }
        if k >= lexiconEntries.count { lexiconEntries += [LexiconEntry?](filled: nil, count: tableSize(k) - lexiconEntries.count) }
        let id = provisionalOf[k]
        let modality = isPlain(id) ? modalityByID[id] : Lexicon.modalities[key(provisional: id)]
        let entry = LexiconEntry(modality: modality, namesActor: namesActor(provisional: id))
        lexiconEntries[k] = entry
        return entry
    }

    /// Per final id, `Lexicon.modalities[key]` once looked up (the outer nil: not yet).
    @exclusivity(unchecked) private var modalityEntries: [Modality??] = []

    /// `Lexicon.modalities[key(symbol)]`, looked up once per key (without the actor test of ``lexicon(_:)``).
    func modality(_ symbol: Int32) -> Modality? {
        let k = Int(symbol)
        if k < modalityEntries.count, let known = modalityEntries[k] { return known }
        if k >= modalityEntries.count { modalityEntries += [Modality??](filled: nil, count: tableSize(k) - modalityEntries.count) }
        let id = provisionalOf[k]
        let modality = isPlain(id) ? modalityByID[id] : Lexicon.modalities[key(provisional: id)]
        modalityEntries[k] = .some(modality)
        return modality
    }

    /// Per final id, `AmountReader.units[key]` once looked up (the outer nil: not yet).
    @exclusivity(unchecked) private var unitEntries: [String??] = []

    /// `AmountReader.units[key(symbol)]`, looked up once per key.
    func amountUnit(_ symbol: Int32) -> String? {
        let k = Int(symbol)
        if k < unitEntries.count, let known = unitEntries[k] { return known }
        if k >= unitEntries.count { unitEntries += [String??](filled: nil, count: tableSize(k) - unitEntries.count) }
        let id = provisionalOf[k]
        let unit = isPlain(id) ? unitByID[id] : AmountReader.units[key(provisional: id)]
        unitEntries[k] = .some(unit)
        return unit
    }

    /// Assigns "#" its final id before any other key, as the lazy cache did on its first miss.
    func startFinalizing() {
        if numberSymbol < 0 { numberSymbol = final(intern("#")) }
    }
}

/// A node of a flattened version: integer links into the version's tables, and the node's place in the
/// tree, from which its strings and range are read (not copied: 56 bytes a node instead of 144).
struct FlatNode {
    /// The node's parent's children (for the root, the root alone), shared with the tree.
    let siblings: [Node]
    /// The node's index in `siblings`.
    let slot: Int32
    /// Parent node index, -1 for the root.
    var parent: Int32
    /// One past the last node of the subtree (nodes are in pre-order).
    var end: Int32
    /// Innermost enclosing chapter (the node itself for a chapter), -1 outside chapters.
    var chapter: Int32
    /// First atom of the subtree (the item label, if any), first atom after it, one past the last.
    var atomStart: Int32
    var contentAtom: Int32
    var atomEnd: Int32
    /// Tokens of the unit: after the node's own item label, to the end of the subtree.
    var tokenStart: Int32
    var tokenEnd: Int32
    /// The atom of the leaf text, -1 for containers.
    var textAtom: Int32
    var kind: NodeKind

    /// The node's id (``Node/id``).
    var id: NodeID { siblings[Int(slot)].id }
    /// The node's number (``Node/number``).
    var number: String? { siblings[Int(slot)].number }
    /// The node's title (``Node/title``).
    var title: String? { siblings[Int(slot)].title }
    /// The node's text (``Node/text``).
    var text: String? { siblings[Int(slot)].text }
    /// The node's range (``Node/range``).
    var range: SourceRange { siblings[Int(slot)].range }
}

/// A tokenized run of the source: an item label, a title or a leaf's text.
struct Atom {
    var tokenStart: Int32
    var tokenEnd: Int32
    /// The node it belongs to.
    var node: Int32
    /// Whether it is the text of a section or subsection leaf (left out of whole-provision segments).
    var isSectionText: Bool
    var isFinal: Bool
}

/// One version of a regulation flattened once for the diff: nodes in pre-order with integer links,
/// every atom tokenized once into one token table, and per-node values computed on first use.
///
/// Everything the aligner and classifier compare is an index into these arrays, so the diff neither copies
/// `Node` trees nor looks up strings in dictionaries per token.
final class FlatVersion {
    let parsed: ParsedDocument
    var source: SourceText { parsed.source }
    /// The lines and columns of `range` in this version's source.
    func location(of range: SourceRange) -> LocatedRange { parsed.source.locations.location(of: range) }
    let symbols: Symbols
    @exclusivity(unchecked) private(set) var nodes: [FlatNode] = []
    @exclusivity(unchecked) private(set) var atoms: [Atom] = []
    @exclusivity(unchecked) private(set) var tokens: [Tok] = []
    @exclusivity(unchecked) private var citations: [String?] = []
    @exclusivity(unchecked) private var captions: [String?] = []
    private var idTable: [NodeID: Int32]?

    init(_ parsed: ParsedDocument, symbols: Symbols) {
        self.parsed = parsed
        self.symbols = symbols
        // Danish regulations run about seven bytes a token; a denser text grows the table and is shrunk below.
        let approximateTokens = parsed.source.bytes.count / 6
        tokens.reserveCapacity(approximateTokens)
        nodes.reserveCapacity(FlatVersion.count(parsed.document.root))
        let batch = UnsafeMutableBufferPointer<Tok>.allocate(capacity: FlatVersion.batchSize)
        defer { batch.deallocate() }
        parsed.source.bytes.withUnsafeBufferPointer { b in
            visit([parsed.document.root], slot: 0, parent: -1, chapter: -1, b, batch)
        }
        // The tables live as long as the diff is built: give back what the estimate and growth left spare.
        tokens.shrinkToFit()
        atoms.shrinkToFit()
        citations = [String?](repeating: nil, count: nodes.count)
        captions = citations
    }

    /// Tokens scanned into a buffer before they are appended to ``tokens`` together.
    private static let batchSize = 1024

    /// The number of nodes of the tree under `node`, `node` included.
    private static func count(_ node: Node) -> Int {
        withUnsafePointer(to: node) { count(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// The number of nodes among `nodes` and their descendants, read in place (a `Node` passed by value
    /// is a copy: a retain and a release of each of its references).
    private static func count(_ nodes: UnsafeBufferPointer<Node>) -> Int {
        var n = nodes.count
        for k in nodes.indices where !nodes[k].children.isEmpty {
            n += nodes[k].children.withUnsafeBufferPointer { count($0) }
        }
        return n
    }

    /// Appends node `siblings[slot]` and its subtree.
    private func visit(
        _ siblings: [Node], slot: Int, parent: Int32, chapter: Int32, _ b: UnsafeBufferPointer<UInt8>,
        _ batch: UnsafeMutableBufferPointer<Tok>
    ) {
        siblings.withUnsafeBufferPointer {
            visit($0.baseAddress! + slot, siblings, slot: slot, parent: parent, chapter: chapter, b, batch)
        }
    }

    /// ``visit(_:slot:parent:chapter:_:_:)`` with the node read in place through a pointer into its siblings'
    /// buffer: a `Node` passed by value would be copied (a retain and a release of each of its references).
    private func visit(
        _ node: UnsafePointer<Node>, _ siblings: [Node], slot: Int, parent: Int32, chapter: Int32,
        _ b: UnsafeBufferPointer<UInt8>, _ batch: UnsafeMutableBufferPointer<Tok>
    ) {
        let index = Int32(nodes.count)
        let kind = node.pointee.kind
        let chapter = kind == .chapter ? index : chapter
        nodes.append(
            FlatNode(
                siblings: siblings, slot: Int32(slot), parent: parent, end: 0, chapter: chapter,
                atomStart: Int32(atoms.count), contentAtom: 0, atomEnd: 0, tokenStart: 0, tokenEnd: 0, textAtom: -1,
                kind: kind))
        if kind == .item, let labelRange = node.pointee.labelRange {
            addAtom(labelRange.offsets, node: index, isSectionText: false, b, batch)
        }
        nodes[Int(index)].contentAtom = Int32(atoms.count)
        nodes[Int(index)].tokenStart = Int32(tokens.count)
        if kind == .chapter || kind == .annex || kind == .part, let titleRange = node.pointee.titleRange {
            addAtom(titleRange.offsets, node: index, isSectionText: false, b, batch)
        }
        let children = node.pointee.children
        if children.isEmpty {
            if node.pointee.text != nil {
                nodes[Int(index)].textAtom = Int32(atoms.count)
                addAtom(
                    node.pointee.range.offsets, node: index, isSectionText: kind == .section || kind == .subsection,
                    b, batch)
            }
        } else {
            children.withUnsafeBufferPointer { buffer in
                for k in buffer.indices {
                    visit(buffer.baseAddress! + k, children, slot: k, parent: index, chapter: chapter, b, batch)
                }
            }
        }
        nodes[Int(index)].end = Int32(nodes.count)
        nodes[Int(index)].atomEnd = Int32(atoms.count)
        nodes[Int(index)].tokenEnd = Int32(tokens.count)
    }

    /// Tokenizes `range` as one atom of `node`, its tokens with provisional ids; `batch` is scratch space.
    private func addAtom(
        _ range: Range<Int>, node: Int32, isSectionText: Bool, _ b: UnsafeBufferPointer<UInt8>,
        _ batch: UnsafeMutableBufferPointer<Tok>
    ) {
        let start = Int32(tokens.count)
        let symbols = self.symbols
        // Written into the batch and appended a batch at a time: one append per atom, not per token.
        var n = 0
        Tokenizer.scan(b, range) { kind, s, e in
            (batch.baseAddress! + n).initialize(
                to: Tok(start: Int32(s), end: Int32(e), symbol: symbols.intern(b, s, e), kind: kind))
            n &+= 1
            if n == batch.count {
                tokens.append(contentsOf: batch)
                n = 0
            }
        }
        if n > 0 { tokens.append(contentsOf: UnsafeBufferPointer(rebasing: batch[0..<n])) }
        atoms.append(
            Atom(tokenStart: start, tokenEnd: Int32(tokens.count), node: node, isSectionText: isSectionText, isFinal: false))
    }

    /// Gives the tokens of `atom` their final ids (in token order: key, then era class), once.
    @inline(__always)
    func finalize(_ atom: Int) {
        if atoms[atom].isFinal { return }
        finalizeTokens(atom)
    }

    /// ``finalize(_:)`` for an atom not final yet.
    private func finalizeTokens(_ atom: Int) {
        atoms[atom].isFinal = true
        let symbols = self.symbols
        symbols.startFinalizing()
        let range = Int(atoms[atom].tokenStart)..<Int(atoms[atom].tokenEnd)
        // Symbols never touches the token table, so the buffer stays valid throughout.
        tokens.withUnsafeMutableBufferPointer { toks in
            for t in range {
                let provisional = toks[t].symbol
                let symbol = symbols.final(provisional)
                toks[t].symbol = symbol
                if toks[t].kind == .word { symbols.finalizeWordBag(symbol, provisional: provisional) }
            }
        }
    }

    /// The finalized tokens of a range that is no atom (a case the text parser never produces).
    func adhocTokens(_ range: Range<Int>) -> [Tok] {
        symbols.startFinalizing()
        var result: [Tok] = []
        let symbols = self.symbols
        source.bytes.withUnsafeBufferPointer { b in
            Tokenizer.scan(b, range) { kind, s, e in
                let provisional = symbols.intern(b, s, e)
                let symbol = symbols.final(provisional)
                if kind == .word { symbols.finalizeWordBag(symbol, provisional: provisional) }
                result.append(Tok(start: Int32(s), end: Int32(e), symbol: symbol, kind: kind))
            }
        }
        return result
    }

    /// Finalizes the atoms of the unit of `node` (``FlatNode/contentAtom`` to the end of the subtree).
    func finalizeUnit(_ node: Int) {
        for a in Int(nodes[node].contentAtom)..<Int(nodes[node].atomEnd) { finalize(a) }
    }

    /// Finalizes every atom not yet finalized (after alignment, before the classifier compares symbols).
    func finalizeAll() {
        for a in atoms.indices { finalize(a) }
    }

    // MARK: Tree

    var root: Int { 0 }

    /// The direct children of `node`.
    func children(_ node: Int) -> [Int] {
        let end = Int(nodes[node].end)
        // Counted first, so the list is allocated once.
        var count = 0
        var c = node + 1
        while c < end {
            count += 1
            c = Int(nodes[c].end)
        }
        if count == 0 { return [] }
        // Reserved and appended: the specialized growth path, not a run-time metadata lookup.
        var result: [Int] = []
        result.reserveCapacity(count)
        c = node + 1
        for _ in 0..<count {
            result.append(c)
            c = Int(nodes[c].end)
        }
        return result
    }

    /// The children of `parents`, parent after parent, whose kind `wanted` accepts: counted first, so that
    /// the list is allocated once.
    func children(of parents: some Collection<Int>, where wanted: (NodeKind) -> Bool) -> [Int] {
        var count = 0
        for parent in parents {
            var c = parent + 1
            while c < Int(nodes[parent].end) {
                if wanted(nodes[c].kind) { count += 1 }
                c = Int(nodes[c].end)
            }
        }
        if count == 0 { return [] }
        var result: [Int] = []
        result.reserveCapacity(count)
        for parent in parents {
            var c = parent + 1
            while c < Int(nodes[parent].end) {
                if wanted(nodes[c].kind) { result.append(c) }
                c = Int(nodes[c].end)
            }
        }
        return result
    }

    /// Every node of `kind`, in document order.
    func all(_ kind: NodeKind) -> [Int] { nodes.indices.filter { nodes[$0].kind == kind } }

    /// The node with `id` (the last one, if several have it).
    func node(_ id: NodeID) -> Int? {
        if idTable == nil {
            var table: [NodeID: Int32] = [:]
            table.reserveCapacity(nodes.count)
            for (k, n) in nodes.enumerated() { table[n.id] = Int32(k) }
            idTable = table
        }
        return idTable![id].map(Int.init)
    }

    /// The node ``node(_:)`` finds for the id of node `k` (the last node with that id), looked up once per
    /// node: two nodes have the same id exactly when their canonical nodes agree.
    func canonical(_ k: Int) -> Int {
        if canonicalNodes.isEmpty { canonicalNodes = [Int32](repeating: -1, count: nodes.count) }
        if canonicalNodes[k] < 0 { canonicalNodes[k] = Int32(node(nodes[k].id) ?? k) }
        return Int(canonicalNodes[k])
    }

    /// Per node, ``canonical(_:)`` once asked (-1 before); empty until the first is asked.
    @exclusivity(unchecked) private var canonicalNodes: [Int32] = []

    /// The chapter id of `node` ("kap5"), if it stands in a chapter.
    func chapterID(_ node: Int) -> NodeID? {
        let c = nodes[node].chapter
        return c >= 0 ? nodes[Int(c)].id : nil
    }

    // MARK: Text

    /// The citation of `node` ("§ 17, stk. 3"), computed once.
    func citation(_ node: Int) -> String {
        if let c = citations[node] { return c }
        let c = Aligner.citation(kind: nodes[node].kind, id: nodes[node].id, number: nodes[node].number)
        citations[node] = c
        return c
    }

    /// The reference the diff gives node `node`: id, citation, chapter, caption and range.
    func ref(_ node: Int) -> ProvisionRef {
        // Captions orient readers in tables of chapters and §§; finer levels are shown with their text.
        let kind = nodes[node].kind
        let captioned: Bool
        switch kind {
        case .chapter, .section, .annex, .part, .preamble: captioned = true
        default: captioned = false
        }
        return ProvisionRef(
            id: nodes[node].id, citation: citation(node), kind: kind, chapter: chapterID(node),
            caption: captioned ? caption(node) : "", range: location(of: nodes[node].range))
    }

    /// A chapter's title, or the first words of a provision (``Aligner/caption(of:)``), computed once.
    func caption(_ node: Int) -> String {
        if let title = nodes[node].title { return title }
        if let known = captions[node] { return known }
        if let head = byteWiseCaption(node) {
            captions[node] = head
            return head
        }
        let head = standardCaption(node)
        captions[node] = head
        return head
    }

    /// ``caption(_:)`` split and joined over bytes (``splitOnSpaces(_:maxSplits:)`` word for word), nil
    /// when a text has a scalar the byte-wise split leaves to the standard library.
    func byteWiseCaption(_ node: Int) -> String? {
        // The words are joined in a buffer kept from caption to caption (a text the byte-wise split leaves
        // to the standard library makes the whole caption nil, whatever was joined before it).
        captionBytes.removeAll(keepingCapacity: true)
        var words = 0
        var i = node
        let end = Int(nodes[node].end)
        while i < end && words <= 8 {
            if var text = nodes[i].text {
                let ok = text.withUTF8 { b -> Bool in
                    FlatVersion.forEachSplit(b, maxSplits: 9 - words) { r in
                        if words < 8 {
                            if words > 0 { captionBytes.append(0x20) }
                            captionBytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[r]))
                        }
                        words += 1
                    }
                }
                if !ok { return nil }
            }
            i += 1
        }
        if words > 8 { captionBytes += [0x20, 0xE2, 0x80, 0xA6] }  // " …"
        return String(decoding: captionBytes, as: UTF8.self)
    }

    /// The bytes of the caption being joined (``byteWiseCaption(_:)``).
    @exclusivity(unchecked) private var captionBytes: [UInt8] = []

    /// ``caption(_:)`` with the standard library's strings.
    func standardCaption(_ node: Int) -> String {
        var words: [Substring] = []
        var i = node
        let end = Int(nodes[node].end)
        while i < end && words.count <= 8 {
            if let text = nodes[i].text {
                words += FlatVersion.splitOnSpaces(text, maxSplits: 9 - words.count)
            }
            i += 1
        }
        // `words.prefix(8).joined(separator: " ")`, appended in place.
        var head = ""
        var length = words.count > 8 ? 4 : 0
        for w in words.prefix(8) { length += w.utf8.count + 1 }
        head.reserveCapacity(length)
        for (k, w) in words.prefix(8).enumerated() {
            if k > 0 { head.append(" ") }
            head.append(contentsOf: w)
        }
        if words.count > 8 { head.append(" …") }
        return head
    }

    /// The byte ranges of ``splitOnSpaces(_:maxSplits:)`` over the UTF-8 bytes of a text, the same
    /// algorithm step for step; nil where that function asks the standard library (and for `maxSplits` ≤ 0).
    static func splitRanges(_ b: UnsafeBufferPointer<UInt8>, maxSplits: Int) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        return forEachSplit(b, maxSplits: maxSplits) { result.append($0) } ? result : nil
    }

    /// Calls `body` with each range ``splitRanges(_:maxSplits:)`` returns, in order, without a list;
    /// false where that function returns nil (after calling `body` with the ranges found up to there).
    static func forEachSplit(_ b: UnsafeBufferPointer<UInt8>, maxSplits: Int, _ body: (Range<Int>) -> Void) -> Bool {
        if maxSplits <= 0 { return false }
        let n = b.count
        /// Whether the non-ASCII scalar at `k` is one that cannot join a space (Latin-1, dashes, quotes).
        func plain(_ k: Int) -> Bool {
            let c = b[k]
            if c == 0xC2 || c == 0xC3 { return k + 1 < n }
            guard c == 0xE2 else { return false }
            guard k + 1 < n, b[k + 1] == 0x80 else { return false }
            return k + 2 < n && ((0x90...0x9F).contains(b[k + 2]) || b[k + 2] == 0xA6)
        }
        var found = 0
        var start = 0
        var end = 0
        while end != n {
            let c = b[end]
            if c == 0x20 {
                let next = end + 1
                if next < n, b[next] >= 0x80, !plain(next) { return false }
                let appended = start != end
                if appended {
                    body(start..<end)
                    found += 1
                }
                end += 1
                start = end
                if appended && found == maxSplits { break }
                continue
            }
            if c >= 0x80 {
                guard plain(end) else { return false }
                end += c == 0xE2 ? 2 : 1
            }
            end += 1
        }
        if start != n { body(start..<n) }
        return true
    }

    /// `text.split(separator: " ", maxSplits: maxSplits, omittingEmptySubsequences: true)`, byte-wise when
    /// no scalar of the text can join a space into a larger character (ASCII, Latin-1, general punctuation
    /// dashes and quotes), which spares the grapheme breaking of a character-wise split.
    static func splitOnSpaces(_ text: String, maxSplits: Int) -> [Substring] {
        func standard() -> [Substring] { text.split(separator: " ", maxSplits: maxSplits, omittingEmptySubsequences: true) }
        if maxSplits <= 0 { return standard() }
        // The standard library's algorithm, over bytes, as far as the splits go; any other scalar in
        // that stretch sends the text to the standard library.
        let utf8 = text.utf8
        /// Whether the non-ASCII scalar at `k` is one that cannot join a space (Latin-1, dashes, quotes).
        func plain(_ k: String.Index) -> Bool {
            let c = utf8[k]
            if c == 0xC2 || c == 0xC3 { return utf8.index(after: k) < utf8.endIndex }
            guard c == 0xE2 else { return false }
            let k1 = utf8.index(after: k)
            guard k1 < utf8.endIndex, utf8[k1] == 0x80 else { return false }
            let k2 = utf8.index(after: k1)
            return k2 < utf8.endIndex && ((0x90...0x9F).contains(utf8[k2]) || utf8[k2] == 0xA6)
        }
        var result: [Substring] = []
        var start = utf8.startIndex
        var end = start
        while end != utf8.endIndex {
            let c = utf8[end]
            if c == 0x20 {
                // A combining mark after the space would make the two one character.
                let next = utf8.index(after: end)
                if next < utf8.endIndex, utf8[next] >= 0x80, !plain(next) { return standard() }
                let appended = start != end
                if appended { result.append(text[start..<end]) }
                end = utf8.index(after: end)
                start = end
                if appended && result.count == maxSplits { break }
                continue
            }
            if c >= 0x80 {
                guard plain(end) else { return standard() }
                end = utf8.index(end, offsetBy: c == 0xE2 ? 2 : 1)
            }
            end = utf8.index(after: end)
        }
        if start != utf8.endIndex { result.append(text[start..<utf8.endIndex]) }
        return result
    }

    /// Whether the (finalized) unit of `node` has the keys of the unit of `otherNode` of `other`, in the
    /// same order: what equal ``Unit/exactHash``es stand for, told without building the units.
    func sameKeys(_ node: Int, as otherNode: Int, in other: FlatVersion) -> Bool {
        let a = Int(nodes[node].tokenStart)..<Int(nodes[node].tokenEnd)
        let b = Int(other.nodes[otherNode].tokenStart)..<Int(other.nodes[otherNode].tokenEnd)
        guard a.count == b.count else { return false }
        return tokens.withUnsafeBufferPointer { ta in
            other.tokens.withUnsafeBufferPointer { tb in
                for k in 0..<a.count where ta[a.lowerBound + k].symbol != tb[b.lowerBound + k].symbol { return false }
                return true
            }
        }
    }

    /// The text of one token as written.
    func tokenText(_ t: Int) -> String { source.string(tokens[t].offsets) }

    /// The comparison key of one (finalized) token.
    func key(_ t: Int) -> String { symbols.key(tokens[t].symbol) }

    /// Token `t` as a public ``Token``.
    func token(_ t: Int) -> Token {
        let tok = tokens[t]
        var token = Token(kind: tok.kind, text: tokenText(t), key: key(t), offsets: tok.offsets)
        token.symbol = Int(tok.symbol)
        token.bagSymbol = Int(symbols.bag(tok))
        return token
    }
}
