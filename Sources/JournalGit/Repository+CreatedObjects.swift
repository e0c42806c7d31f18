import Foundation
internal import Clibgit2

/// The objects a repository's database created while it was being watched — not those it
/// held already, which libgit2 only freshens — recorded by a backend in front of libgit2's
/// own (`journal_add_object_recorder` in `Clibgit2`). What git's `adjust_shared_perm` is
/// given: the files git creates, and nothing else.
final class CreatedObjects {
  private(set) var ids: [ObjectID] = []

  func record(_ id: ObjectID) { ids.append(id) }

  /// Forgets what was recorded so far.
  func reset() { ids = [] }
}

extension Repository {
  /// The record of objects this repository's database creates, kept from the first call on.
  func createdObjects() throws -> CreatedObjects {
    if let recorder = objectRecorder { return recorder }
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    let recorder = CreatedObjects()
    // The database owns the backend, which holds the recorder until it is freed.
    let payload = Unmanaged.passRetained(recorder).toOpaque()
    let added = journal_add_object_recorder(
      odb,
      { id, payload in
        guard let id, let payload else { return }
        Unmanaged<CreatedObjects>.fromOpaque(payload).takeUnretainedValue().record(ObjectID(id.pointee))
      },
      { payload in
        if let payload { Unmanaged<CreatedObjects>.fromOpaque(payload).release() }
      },
      payload)
    if added < 0 { Unmanaged<CreatedObjects>.fromOpaque(payload).release() }
    try check(added, "git_odb_add_backend")
    objectRecorder = recorder
    return recorder
  }
}
