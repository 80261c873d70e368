import Paragraf

/// Read access to a sequence of tokens, whether ``Token`` values or a run of a flat token table.
protocol TokenList {
    var count: Int { get }
    func kind(_ i: Int) -> Token.Kind
    func text(_ i: Int) -> String
    func key(_ i: Int) -> String
    func offsets(_ i: Int) -> Range<Int>
    /// `Lexicon.modalities[key(i)]`.
    func modality(_ i: Int) -> Modality?
    /// Whether `key(i)` ends in one of ``Lexicon/actorSuffixes``.
    func namesActor(_ i: Int) -> Bool
    /// `AmountReader.units[key(i)]`: the normalized unit the token names, if any.
    func amountUnit(_ i: Int) -> String?
    /// `DutyReader.flags(key(i))`: which of the words ``DutyReader/duty(in:)`` looks for the token is.
    func dutyFlags(_ i: Int) -> DutyReader.Flags
    /// `text(i).first?.isUppercase ?? false`.
    func startsUppercase(_ i: Int) -> Bool
    /// `text(i) == "."`.
    func isPeriod(_ i: Int) -> Bool
    /// The position of the first number token at or after `i`, if any.
    func nextNumber(from i: Int) -> Int?
    /// `CitationRole(key: key(i))`.
    func citationRole(_ i: Int) -> CitationRole
}

extension TokenList {
    func modality(_ i: Int) -> Modality? { Lexicon.modalities[key(i)] }
    func namesActor(_ i: Int) -> Bool {
        let w = key(i)
        return Lexicon.actorSuffixes.contains { w.hasSuffix($0) }
    }
    func amountUnit(_ i: Int) -> String? { AmountReader.units[key(i)] }
    func dutyFlags(_ i: Int) -> DutyReader.Flags { DutyReader.flags(key(i)) }
    func startsUppercase(_ i: Int) -> Bool { text(i).first?.isUppercase ?? false }
    func isPeriod(_ i: Int) -> Bool { text(i) == "." }
    func nextNumber(from i: Int) -> Int? { (i..<count).first { kind($0) == .number } }
    func citationRole(_ i: Int) -> CitationRole { CitationRole(key: key(i)) }
}

extension Array: TokenList where Element == Token {
    func kind(_ i: Int) -> Token.Kind { self[i].kind }
    func text(_ i: Int) -> String { self[i].text }
    func key(_ i: Int) -> String { self[i].key }
    func offsets(_ i: Int) -> Range<Int> { self[i].offsets }
}
