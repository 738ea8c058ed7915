// Runs independent pieces of work on all cores.
#ifndef LANTERN_BASE_PARALLEL_H_
#define LANTERN_BASE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace lantern {

// Calls work(i) for every i in [0, count), spread over the machine's cores;
// returns when all calls have returned. `work` must be safe to call from
// several threads at once and must not throw.
void ParallelFor(size_t count, const std::function<void(size_t)>& work);

}  // namespace lantern

#endif  // LANTERN_BASE_PARALLEL_H_
