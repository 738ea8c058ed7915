// Where a build's files go as they are rendered: into memory (the preview,
// tests), into a staging folder that replaces the output folder only when the
// whole build succeeded (StagedOutput, output_tree.h), or nowhere (`check`).
// Writing each file as soon as it is made keeps a build's memory from growing
// with the size of its output.
#ifndef LANTERN_ASSEMBLE_OUTPUT_SINK_H_
#define LANTERN_ASSEMBLE_OUTPUT_SINK_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace lantern {

// The built site as a map from output path ("records/x/index.html") to bytes.
using OutputTree = std::map<std::string, std::string>;

// The same with each file's bytes shared, not owned: the preview's tree,
// whose record files are the very strings its RecordOutputCache keeps, so
// that a rebuild copies none of the pages it did not render again.
using SharedFile = std::shared_ptr<const std::string>;
using SharedOutputTree = std::map<std::string, SharedFile>;
// Moves each file's bytes into a shared string (no bytes are copied).
SharedOutputTree ShareTree(OutputTree tree);
// Files kept as their parts in order, to be joined only when read: the
// preview's records.json and records.csv, tens of megabytes that it would
// otherwise copy into fresh memory on every edit, though few edits are
// followed by a look at them (server/static_files.h joins them on request).
using SharedPartsTree = std::map<std::string, std::vector<SharedFile>>;
// A file's parts joined in order into one string of exactly their size.
SharedFile JoinParts(const std::vector<SharedFile>& parts);

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // Stores the file at `path` ("records/x/index.html"), replacing an earlier
  // one. Safe to call from several threads at once. A sink that fails (a
  // full disk) remembers its first failure and reports it when committed;
  // callers need not check every call.
  virtual void Put(const std::string& path, std::string bytes) = 0;
  // Adds `bytes` to the end of the file at `path` (empty until first added
  // to). Calls for one path must come from one thread, in order.
  virtual void Append(const std::string& path, std::string_view bytes) = 0;
  // Put for bytes someone else also holds (a cached record page). Sinks
  // that write or own bytes copy them (the default); SharedMemoryOutput keeps
  // the pointer.
  virtual void PutShared(const std::string& path, SharedFile bytes) { Put(path, *bytes); }
  // Append for bytes someone else also holds (a cached record's part of
  // records.json): SharedMemoryOutput keeps the pointer until it joins the file.
  virtual void AppendShared(const std::string& path, SharedFile bytes) { Append(path, *bytes); }
  // False for a sink that keeps nothing (`check`): a caller may then skip
  // making what only the files would hold (the streamed build's spool).
  virtual bool keeps_files() const { return true; }
};

// Into an OutputTree, which must outlive the sink.
class MemoryOutput final : public OutputSink {
 public:
  explicit MemoryOutput(OutputTree* tree) : tree_(tree) {}
  void Put(const std::string& path, std::string bytes) override;
  void Append(const std::string& path, std::string_view bytes) override;

 private:
  OutputTree* tree_;
  std::mutex mutex_;
};

// Into a SharedOutputTree, which must outlive the sink: the preview's.
// Appended files reach the tree when the sink is finished (Finish, or its
// destructor): records.json and records.csv are tens of megabytes made of
// thousands of parts, and one string grown part by part would be copied and
// its fresh pages faulted in again at every doubling, on every rebuild. With
// `parts`, they are not joined at all but moved there as their parts.
class SharedMemoryOutput final : public OutputSink {
 public:
  explicit SharedMemoryOutput(SharedOutputTree* tree, SharedPartsTree* parts = nullptr) : tree_(tree), parts_(parts) {}
  ~SharedMemoryOutput() override { Finish(); }
  void Put(const std::string& path, std::string bytes) override;
  void Append(const std::string& path, std::string_view bytes) override;
  void PutShared(const std::string& path, SharedFile bytes) override;
  void AppendShared(const std::string& path, SharedFile bytes) override;
  // Joins each appended file's parts into one string of exactly its size and
  // puts it in the tree (or, with `parts`, moves the parts there). Appending
  // to a path afterwards adds to that file.
  void Finish();

 private:
  SharedOutputTree* tree_;
  SharedPartsTree* parts_;
  // The files being appended to, as their parts in order; the first part of
  // a file the tree already held is its bytes then.
  std::map<std::string, std::vector<SharedFile>> growing_;
  std::mutex mutex_;
};

// Keeps nothing: for `check`, which renders every page but writes none.
class DiscardOutput final : public OutputSink {
 public:
  void Put(const std::string&, std::string) override {}
  void Append(const std::string&, std::string_view) override {}
  bool keeps_files() const override { return false; }
};

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_OUTPUT_SINK_H_
