#pragma once
// Shared by the fuzz targets: a bounded memory budget and a per-process scratch file, since the
// readers take paths.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "ovkit/memory.h"

namespace ovkit_fuzz {

// libFuzzer kills a process that mallocs more than -rss_limit_mb (2 GB): keep the runtime's own
// limit well below, so that a hostile size shows up as the ovkit::Exception it must be.
inline void limit_memory() { ovkit::set_default_memory_limit(uint64_t(256) << 20); }

// Writes `size` bytes to a scratch file named `name` (extension included) and returns its path.
inline std::string scratch_file(const std::string& name, const uint8_t* data, size_t size) {
    static const std::string dir = [] {
        std::string d = (access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") + std::string("/ovkit_fuzz_") +
                        std::to_string(getpid());
        std::string cmd = "mkdir -p " + d;
        if (std::system(cmd.c_str()) != 0) std::abort();
        return d;
    }();
    std::string path = dir + "/" + name;
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0) std::abort();
    return path;
}

}  // namespace ovkit_fuzz
