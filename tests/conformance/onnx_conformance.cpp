// Runs the ONNX backend node tests (Debian's libonnx-testdata) through ovkit and compares
// with ONNX's own outputs (rtol 1e-3, atol 1e-5). Each case runs in a child process so
// that a crash or hang is reported as that case's failure.
//
//   onnx_conformance [--data DIR] [--filter TEXT] [-d DEVICE] [--expected-failures FILE] [-v]
#include <onnx/onnx_pb.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "frontends/onnx/node_context.h"
#include "ovkit/core.h"

namespace fs = std::filesystem;
using namespace ovkit;

namespace {

constexpr double kRtol = 1e-3, kAtol = 1e-5;
constexpr int kTimeoutSeconds = 120;
constexpr const char* kCrashed = "CRASHED ";

Tensor read_pb(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    onnx::TensorProto t;
    check(t.ParseFromIstream(&f), "cannot parse ", p.string());
    return onnx_frontend::tensor_from_onnx(t, p.parent_path().string());
}

// Reads a tensor the model sees as `want`. ONNX's older test data stores BFLOAT16 tensors as
// UINT16 bit patterns (numpy has no bfloat16); those are taken as bf16.
Tensor read_pb_as(const fs::path& p, ElementType want) {
    Tensor t = read_pb(p);
    if (want != ElementType::bf16 || t.type() != ElementType::u16) return t;
    auto keep = std::make_shared<Tensor>(t);
    return Tensor(ElementType::bf16, t.shape(), keep->data(), keep);
}

// Cases whose graph inputs and outputs are all tensors (sequences, maps, optionals are not).
bool tensor_only(const fs::path& model_path) {
    std::ifstream f(model_path, std::ios::binary);
    onnx::ModelProto m;
    if (!m.ParseFromIstream(&f)) return true;
    for (const auto& v : m.graph().input())
        if (!v.type().has_tensor_type()) return false;
    for (const auto& v : m.graph().output())
        if (!v.type().has_tensor_type()) return false;
    return true;
}

std::string compare(const Tensor& got, const Tensor& want, size_t k) {
    std::ostringstream s;
    if (got.type() != want.type()) {
        s << "output " << k << " type " << type_name(got.type()) << ", expected " << type_name(want.type());
        return s.str();
    }
    if (got.shape() != want.shape()) {
        s << "output " << k << " shape " << to_string(got.shape()) << ", expected " << to_string(want.shape());
        return s.str();
    }
    auto g = got.as_double(), w = want.as_double();
    for (size_t i = 0; i < g.size(); ++i) {
        bool ok;
        if (std::isnan(w[i])) ok = std::isnan(g[i]);
        else if (std::isinf(w[i])) ok = g[i] == w[i];
        else if (is_float(want.type())) ok = std::fabs(g[i] - w[i]) <= kAtol + kRtol * std::fabs(w[i]);
        else ok = want.type() == ElementType::i64 || want.type() == ElementType::u64
                      ? got.as_int64()[i] == want.as_int64()[i]
                      : g[i] == w[i];
        if (!ok) {
            s << "output " << k << " element " << i << " = " << g[i] << ", expected " << w[i];
            return s.str();
        }
    }
    return "";
}

// Returns "" on pass, else the reason.
std::string run_case(const fs::path& dir, const std::string& device) {
    Core core;
    auto model = core.read_model((dir / "model.onnx").string());
    auto compiled = core.compile_model(model, device);
    std::vector<fs::path> sets;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_directory() && e.path().filename().string().rfind("test_data_set_", 0) == 0) sets.push_back(e.path());
    std::sort(sets.begin(), sets.end());
    check(!sets.empty(), "no test_data_set_* folder");
    for (const auto& set : sets) {
        auto req = compiled.create_infer_request();
        for (size_t i = 0; i < compiled.inputs().size(); ++i) {
            fs::path p = set / ("input_" + std::to_string(i) + ".pb");
            check(fs::exists(p), "missing ", p.filename().string());
            req.set_input_tensor(i, read_pb_as(p, compiled.inputs()[i].type));
        }
        req.infer();
        for (size_t k = 0; k < compiled.outputs().size(); ++k) {
            fs::path p = set / ("output_" + std::to_string(k) + ".pb");
            if (!fs::exists(p)) continue;
            std::string err = compare(req.get_output_tensor(k), read_pb_as(p, compiled.outputs()[k].type), k);
            if (!err.empty()) return set.filename().string() + ": " + err;
        }
    }
    return "";
}

// Runs one case in a child; the child writes its verdict to a pipe.
std::string run_isolated(const fs::path& dir, const std::string& device) {
    int fds[2];
    if (pipe(fds) != 0) return "pipe failed";
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        std::string result;
        try {
            result = run_case(dir, device);
        } catch (const std::exception& e) {
            result = e.what();
            if (result.empty()) result = "exception";
        }
        for (char& c : result)
            if (c == '\n') c = ' ';
        if (write(fds[1], result.data(), result.size()) < 0) _exit(3);
        _exit(0);
    }
    close(fds[1]);
    auto start = std::chrono::steady_clock::now();
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(kTimeoutSeconds)) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            close(fds[0]);
            return "timed out after " + std::to_string(kTimeoutSeconds) + " s";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, size_t(n));
    close(fds[0]);
    // A crash (or a sanitizer report, which aborts or exits non-zero) fails even an expected-failure case.
    if (WIFSIGNALED(status)) return std::string(kCrashed) + "with signal " + strsignal(WTERMSIG(status));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::string(kCrashed) + "with exit status " + std::to_string(WEXITSTATUS(status)) +
               " (a sanitizer report is printed above)";
    return out;
}

std::map<std::string, std::string> read_expected(const std::string& path) {
    std::map<std::string, std::string> out;
    if (path.empty()) return out;
    std::ifstream f(path);
    check(bool(f), "cannot open expected-failure list '", path, "'");
    std::string line;
    while (std::getline(f, line)) {
        size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos || line[b] == '#') continue;
        size_t e = line.find_first_of(" \t#", b);
        std::string name = line.substr(b, e == std::string::npos ? std::string::npos : e - b);
        size_t hash = line.find('#');
        out[name] = hash == std::string::npos ? "" : line.substr(hash + 1);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::string data = "/usr/share/libonnx-testdata/data/node", filter, device = "REFERENCE", expected_path;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--data") data = next();
        else if (a == "--filter") filter = next();
        else if (a == "-d") device = next();
        else if (a == "--expected-failures") expected_path = next();
        else if (a == "-v") verbose = true;
        else {
            std::fprintf(stderr, "usage: %s [--data DIR] [--filter TEXT] [-d DEVICE] [--expected-failures FILE] [-v]\n", argv[0]);
            return 2;
        }
    }
    auto expected = read_expected(expected_path);
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(data))
        if (e.is_directory() && fs::exists(e.path() / "model.onnx") &&
            e.path().filename().string().find(filter) != std::string::npos)
            cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    int passed = 0, failed = 0, skipped = 0, unexpected_fail = 0, unexpected_pass = 0;
    for (const auto& c : cases) {
        std::string name = c.filename().string();
        if (!tensor_only(c / "model.onnx")) {
            ++skipped;
            if (verbose) std::printf("SKIP %s (non-tensor inputs or outputs)\n", name.c_str());
            continue;
        }
        std::string err = run_isolated(c, device);
        // A crash is never an expected failure.
        bool listed = expected.count(name) > 0 && err.rfind(kCrashed, 0) != 0;
        if (err.empty()) {
            ++passed;
            if (listed) {
                ++unexpected_pass;
                std::printf("PASS %s (UNEXPECTED: listed as expected failure; remove it from the list)\n", name.c_str());
            } else {
                std::printf("PASS %s\n", name.c_str());
            }
        } else {
            ++failed;
            if (!listed) ++unexpected_fail;
            std::printf("FAIL %s%s: %s\n", name.c_str(), listed ? " (expected)" : "", err.c_str());
        }
        std::fflush(stdout);
    }
    int total = passed + failed;
    std::printf("\nONNX node conformance on %s: %d of %d tensor cases pass (%.1f%%), %d skipped (non-tensor)\n",
                device.c_str(), passed, total, total ? 100.0 * passed / total : 0.0, skipped);
    std::printf("unexpected failures: %d, unexpected passes: %d\n", unexpected_fail, unexpected_pass);
    std::printf("%d passed, %d failed\n", passed, failed);
    return (!expected_path.empty() && (unexpected_fail || unexpected_pass)) ? 1 : 0;
}
