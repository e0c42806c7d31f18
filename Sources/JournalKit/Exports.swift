// The models are part of JournalKit's interface: a caller that checks a journal reads them.
@_exported import JournalModel
