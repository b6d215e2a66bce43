// ovkit benchmark: latency/throughput like OpenVINO's benchmark_app, plus a JSON report.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

#include "cli.h"
#include "ovkit/npy.h"

namespace ovkit::cli {

namespace {

const char* kHelp =
    "usage: ovkit benchmark -m MODEL [-d DEVICE] [-t SECONDS | -niter N] [-hint latency|throughput]\n"
    "                       [-nstreams N] [-nthreads N] [-nireq N] [-shape NAME[dims]]\n"
    "                       [-i NAME=FILE.npy ...] [--report-json FILE]\n"
    "\n"
    "Random inputs are used for inputs not given with -i. Defaults: -t 10, -hint latency.\n";

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

Tensor random_tensor(ElementType type, const Shape& shape, std::mt19937& rng) {
    Tensor t(type, shape);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    visit_type(type, [&](auto tag) {
        using T = decltype(tag);
        T* p = t.data<T>();
        for (int64_t i = 0; i < t.size(); ++i) {
            if constexpr (std::is_same_v<T, bool>) p[i] = uni(rng) < 0.5;
            else if constexpr (std::is_integral_v<T>) p[i] = T(uni(rng) * 10);
            else p[i] = T(float(uni(rng)));
        }
    });
    return t;
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    double pos = q * double(v.size() - 1);
    size_t lo = size_t(pos);
    size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

}  // namespace

int run_benchmark(Args& args) {
    std::string model_path, device = "CPU", hint = "latency", report;
    double seconds = -1;
    int64_t niter = -1, nireq = 1;
    std::vector<std::string> shapes;
    std::vector<std::pair<std::string, std::string>> inputs;
    Properties props;
    while (!args.done()) {
        std::string a = args.items[args.pos++];
        if (a == "-h" || a == "--help") {
            std::fputs(kHelp, stdout);
            return 0;
        }
        if (a == "-m") model_path = args.next(a);
        else if (a == "-d") device = args.next(a);
        else if (a == "-t") seconds = std::stod(args.next(a));
        else if (a == "-niter") niter = std::stoll(args.next(a));
        else if (a == "-hint") hint = args.next(a);
        else if (a == "-nstreams") props["NUM_STREAMS"] = args.next(a);
        else if (a == "-nthreads") props["INFERENCE_NUM_THREADS"] = args.next(a);
        else if (a == "-nireq") nireq = std::stoll(args.next(a));
        else if (a == "-shape") shapes.push_back(args.next(a));
        else if (a == "-i") inputs.push_back(split_assignment(args.next(a), a));
        else if (a == "--report-json") report = args.next(a);
        else fail("unknown option '", a, "' (see ovkit benchmark --help)");
    }
    check(!model_path.empty(), "missing -m MODEL (see ovkit benchmark --help)");
    check(hint == "latency" || hint == "throughput", "-hint must be latency or throughput, got '", hint, "'");
    check(nireq >= 1, "-nireq must be at least 1");
    check(niter != 0 && seconds != 0, "-niter and -t must be positive");
    if (seconds < 0 && niter < 0) seconds = 10;
    props["PERFORMANCE_HINT"] = hint == "latency" ? "LATENCY" : "THROUGHPUT";

    auto model = load_model(model_path, shapes);
    Core core;
    auto t0 = Clock::now();
    CompiledModel compiled = core.compile_model(model, device, props);
    double compile_ms = ms_since(t0);
    std::printf("[ INFO ] Compile model took %.2f ms\n", compile_ms);

    std::mt19937 rng(42);
    std::vector<Tensor> values(compiled.inputs().size());
    for (const auto& [name, file] : inputs) values[compiled.input_index(name)] = read_npy(file);
    for (size_t i = 0; i < values.size(); ++i)
        if (!values[i]) {
            const PortInfo& p = compiled.inputs()[i];
            check(p.shape.is_static(), "input '", p.name, "' has dynamic shape ", p.shape.to_string(),
                  "; give -shape ", p.name, "[dims] or -i ", p.name, "=FILE.npy");
            values[i] = random_tensor(p.type, p.shape.to_shape(), rng);
        }
    std::vector<InferRequest> requests;
    for (int64_t r = 0; r < nireq; ++r) {
        requests.push_back(compiled.create_infer_request());
        for (size_t i = 0; i < values.size(); ++i) requests.back().set_input_tensor(i, values[i]);
    }
    t0 = Clock::now();
    requests[0].infer();
    double first_ms = ms_since(t0);
    std::printf("[ INFO ] First inference took %.2f ms\n", first_ms);

    std::vector<double> latencies;
    auto start = Clock::now();
    auto keep_going = [&](int64_t count) {
        if (niter > 0) return count < niter;
        return ms_since(start) < seconds * 1000.0;
    };
    int64_t count = 0;
    if (nireq == 1) {
        while (keep_going(count)) {
            auto t = Clock::now();
            requests[0].infer();
            latencies.push_back(ms_since(t));
            ++count;
        }
    } else {
        std::vector<Clock::time_point> started(static_cast<size_t>(nireq));
        std::vector<bool> busy(size_t(nireq), false);
        for (size_t r = 0; keep_going(count); r = (r + 1) % size_t(nireq)) {
            if (busy[r]) {
                requests[r].wait();
                latencies.push_back(ms_since(started[r]));
            }
            started[r] = Clock::now();
            requests[r].start_async();
            busy[r] = true;
            ++count;
        }
        for (size_t r = 0; r < size_t(nireq); ++r)
            if (busy[r]) {
                requests[r].wait();
                latencies.push_back(ms_since(started[r]));
            }
    }
    double duration = ms_since(start);
    double median = percentile(latencies, 0.5), p99 = percentile(latencies, 0.99);
    double avg = 0;
    for (double l : latencies) avg += l;
    avg /= double(std::max<size_t>(latencies.size(), 1));
    double mn = latencies.empty() ? 0 : *std::min_element(latencies.begin(), latencies.end());
    double mx = latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
    double fps = double(count) * 1000.0 / duration;
    std::printf("[ INFO ] Execution Devices: %s\n", device.c_str());
    std::printf("[ INFO ] Count:            %lld iterations\n", static_cast<long long>(count));
    std::printf("[ INFO ] Duration:         %.2f ms\n", duration);
    std::printf("[ INFO ] Latency:\n");
    std::printf("[ INFO ]    Median:        %.4f ms\n", median);
    std::printf("[ INFO ]    Average:       %.4f ms\n", avg);
    std::printf("[ INFO ]    Min:           %.4f ms\n", mn);
    std::printf("[ INFO ]    Max:           %.4f ms\n", mx);
    std::printf("[ INFO ] Throughput:       %.2f FPS\n", fps);
    if (!report.empty()) {
        std::ofstream f(report);
        check(bool(f), "cannot write report '", report, "'");
        f << "{\"count\": " << count << ", \"duration_ms\": " << duration << ", \"latency_ms\": {\"median\": " << median
          << ", \"avg\": " << avg << ", \"min\": " << mn << ", \"max\": " << mx << ", \"p99\": " << p99
          << "}, \"throughput_fps\": " << fps << ", \"first_inference_ms\": " << first_ms
          << ", \"compile_ms\": " << compile_ms << "}\n";
    }
    return 0;
}

}  // namespace ovkit::cli
