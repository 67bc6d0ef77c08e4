import CLedeModels

/// The trained models Lede ships, read in place from the model file compiled into the
/// binary (`Sources/CLedeModels`, written by `lede-train`). A model trained for another
/// version of its feature extractor is not used: the recogniser that needs it then finds
/// nothing rather than guessing with weights of features it no longer makes (a test
/// checks that the shipped models are current).
public struct Models: Sendable {
    /// The named-party tagger (`PartyTagger`).
    public var tagger: LinearModel?
    /// The speaker ranker (`SpeakerFeatures`, `QuoteFinder`).
    public var speaker: LinearModel?
    /// Speech or quoted term (`SpeechFeatures`).
    public var speech: LinearModel?
    /// How words are usually written (`WordCasing`), read by the tagger.
    public var casing: LinearModel?

    public init(tagger: LinearModel? = nil, speaker: LinearModel? = nil, speech: LinearModel? = nil, casing: LinearModel? = nil) {
        self.tagger = tagger
        self.speaker = speaker
        self.speech = speech
        self.casing = casing
    }

    /// The models in a model file's bytes (copied), e.g. one just trained.
    public init(bytes: [UInt8]) throws {
        try self.init(ModelFile.read(ModelBytes(bytes)))
    }

    init(_ models: [String: LinearModel]) {
        tagger = models["tagger"]
        speaker = models["speaker"]
        speech = models["speech"]
        casing = models["casing"]
    }

    /// The models compiled into Lede.
    public static let shared: Models = {
        (try? Models(ModelFile.read(embeddedBytes, owner: nil, checkRows: false))) ?? Models()
    }()

    /// The bytes of the model file compiled into Lede.
    public static var embeddedBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: lede_models_bytes(), count: lede_models_size())
    }
}

extension ModelFile {
    static func read(_ bytes: ModelBytes) throws -> [String: LinearModel] {
        try read(UnsafeRawBufferPointer(bytes.buffer), owner: bytes)
    }
}
