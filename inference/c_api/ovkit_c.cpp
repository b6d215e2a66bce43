// The C API: thin handles over the C++ API, with every exception turned into a status.
#include "ovkit/ovkit_c.h"

#include <new>
#include <string>

#include "ovkit/core.h"

struct ovkit_core { ovkit::Core core; };
struct ovkit_model { std::shared_ptr<ovkit::Model> model; };
struct ovkit_compiled_model { ovkit::CompiledModel compiled; };
struct ovkit_infer_request { ovkit::InferRequest request; };
struct ovkit_tensor { ovkit::Tensor tensor; };

namespace {

thread_local std::string last_error;

template <typename Fn>
ovkit_status_e guarded(Fn&& fn) {
    try {
        fn();
        last_error.clear();
        return OVKIT_OK;
    } catch (const std::bad_alloc&) {
        last_error = "out of memory";
        return OVKIT_OUT_OF_MEMORY;
    } catch (const std::exception& e) {
        last_error = e.what();
        return OVKIT_GENERAL_ERROR;
    } catch (...) {
        last_error = "unknown error";
        return OVKIT_GENERAL_ERROR;
    }
}

ovkit_status_e invalid(const char* what) {
    last_error = std::string("invalid argument: ") + what;
    return OVKIT_INVALID_ARGUMENT;
}

ovkit::Shape to_shape(const int64_t* dims, size_t rank) {
    ovkit::check(rank <= OVKIT_MAX_RANK, "rank ", rank, " exceeds OVKIT_MAX_RANK");
    ovkit::check(rank == 0 || dims != nullptr, "dims is NULL");
    return ovkit::Shape(dims, dims + rank);
}

ovkit::ElementType to_type(ovkit_element_type_e t) {
    ovkit::check(t > OVKIT_UNDEFINED && t <= OVKIT_U64, "unknown element type ", int(t));
    return ovkit::ElementType(t);
}

}  // namespace

#define OVKIT_REQUIRE(ptr) \
    if (!(ptr)) return invalid(#ptr " is NULL")

extern "C" {

const char* ovkit_last_error(void) { return last_error.c_str(); }

ovkit_status_e ovkit_core_create(ovkit_core_t** core) {
    OVKIT_REQUIRE(core);
    return guarded([&] { *core = new ovkit_core(); });
}
void ovkit_core_free(ovkit_core_t* core) { delete core; }

ovkit_status_e ovkit_core_read_model(ovkit_core_t* core, const char* path, const char* weights_path,
                                     ovkit_model_t** model) {
    OVKIT_REQUIRE(core);
    OVKIT_REQUIRE(path);
    OVKIT_REQUIRE(model);
    return guarded([&] {
        auto m = core->core.read_model(path, weights_path ? weights_path : "");
        *model = new ovkit_model{std::move(m)};
    });
}
void ovkit_model_free(ovkit_model_t* model) { delete model; }

ovkit_status_e ovkit_core_compile_model(ovkit_core_t* core, const ovkit_model_t* model, const char* device,
                                        const char* const* properties, ovkit_compiled_model_t** compiled) {
    OVKIT_REQUIRE(core);
    OVKIT_REQUIRE(model);
    OVKIT_REQUIRE(compiled);
    return guarded([&] {
        ovkit::Properties props;
        for (const char* const* p = properties; p && p[0]; p += 2) {
            ovkit::check(p[1] != nullptr, "property '", p[0], "' has no value");
            props[p[0]] = p[1];
        }
        auto c = core->core.compile_model(model->model, device ? device : "CPU", props);
        *compiled = new ovkit_compiled_model{std::move(c)};
    });
}
void ovkit_compiled_model_free(ovkit_compiled_model_t* compiled) { delete compiled; }

ovkit_status_e ovkit_compiled_model_input_count(const ovkit_compiled_model_t* compiled, size_t* count) {
    OVKIT_REQUIRE(compiled);
    OVKIT_REQUIRE(count);
    *count = compiled->compiled.inputs().size();
    return OVKIT_OK;
}
ovkit_status_e ovkit_compiled_model_output_count(const ovkit_compiled_model_t* compiled, size_t* count) {
    OVKIT_REQUIRE(compiled);
    OVKIT_REQUIRE(count);
    *count = compiled->compiled.outputs().size();
    return OVKIT_OK;
}

static ovkit_status_e port_name(const std::vector<ovkit::PortInfo>& ports, size_t index, const char** name) {
    OVKIT_REQUIRE(name);
    if (index >= ports.size()) return invalid("port index out of range");
    *name = ports[index].name.c_str();
    return OVKIT_OK;
}
ovkit_status_e ovkit_compiled_model_input_name(const ovkit_compiled_model_t* compiled, size_t index,
                                               const char** name) {
    OVKIT_REQUIRE(compiled);
    return port_name(compiled->compiled.inputs(), index, name);
}
ovkit_status_e ovkit_compiled_model_output_name(const ovkit_compiled_model_t* compiled, size_t index,
                                                const char** name) {
    OVKIT_REQUIRE(compiled);
    return port_name(compiled->compiled.outputs(), index, name);
}

ovkit_status_e ovkit_compiled_model_create_infer_request(const ovkit_compiled_model_t* compiled,
                                                         ovkit_infer_request_t** request) {
    OVKIT_REQUIRE(compiled);
    OVKIT_REQUIRE(request);
    return guarded([&] { *request = new ovkit_infer_request{compiled->compiled.create_infer_request()}; });
}

ovkit_status_e ovkit_tensor_create(ovkit_element_type_e type, const int64_t* dims, size_t rank,
                                   ovkit_tensor_t** tensor) {
    OVKIT_REQUIRE(tensor);
    return guarded([&] { *tensor = new ovkit_tensor{ovkit::Tensor(to_type(type), to_shape(dims, rank))}; });
}
ovkit_status_e ovkit_tensor_create_from_host_ptr(ovkit_element_type_e type, const int64_t* dims, size_t rank,
                                                 void* data, ovkit_tensor_t** tensor) {
    OVKIT_REQUIRE(tensor);
    OVKIT_REQUIRE(data);
    return guarded([&] { *tensor = new ovkit_tensor{ovkit::Tensor(to_type(type), to_shape(dims, rank), data)}; });
}
ovkit_status_e ovkit_tensor_data(ovkit_tensor_t* tensor, void** data) {
    OVKIT_REQUIRE(tensor);
    OVKIT_REQUIRE(data);
    *data = tensor->tensor.data();
    return OVKIT_OK;
}
ovkit_status_e ovkit_tensor_type(const ovkit_tensor_t* tensor, ovkit_element_type_e* type) {
    OVKIT_REQUIRE(tensor);
    OVKIT_REQUIRE(type);
    *type = ovkit_element_type_e(tensor->tensor.type());
    return OVKIT_OK;
}
ovkit_status_e ovkit_tensor_shape(const ovkit_tensor_t* tensor, int64_t* dims, size_t* rank) {
    OVKIT_REQUIRE(tensor);
    OVKIT_REQUIRE(dims);
    OVKIT_REQUIRE(rank);
    const auto& s = tensor->tensor.shape();
    if (s.size() > OVKIT_MAX_RANK) return invalid("tensor rank exceeds OVKIT_MAX_RANK");
    for (size_t i = 0; i < s.size(); ++i) dims[i] = s[i];
    *rank = s.size();
    return OVKIT_OK;
}
ovkit_status_e ovkit_tensor_size(const ovkit_tensor_t* tensor, size_t* element_count) {
    OVKIT_REQUIRE(tensor);
    OVKIT_REQUIRE(element_count);
    *element_count = size_t(tensor->tensor.size());
    return OVKIT_OK;
}
void ovkit_tensor_free(ovkit_tensor_t* tensor) { delete tensor; }

ovkit_status_e ovkit_infer_request_set_input_tensor(ovkit_infer_request_t* request, size_t index,
                                                    const ovkit_tensor_t* tensor) {
    OVKIT_REQUIRE(request);
    OVKIT_REQUIRE(tensor);
    return guarded([&] { request->request.set_input_tensor(index, tensor->tensor); });
}
ovkit_status_e ovkit_infer_request_set_tensor(ovkit_infer_request_t* request, const char* name,
                                              const ovkit_tensor_t* tensor) {
    OVKIT_REQUIRE(request);
    OVKIT_REQUIRE(name);
    OVKIT_REQUIRE(tensor);
    return guarded([&] { request->request.set_tensor(name, tensor->tensor); });
}
ovkit_status_e ovkit_infer_request_infer(ovkit_infer_request_t* request) {
    OVKIT_REQUIRE(request);
    return guarded([&] { request->request.infer(); });
}
ovkit_status_e ovkit_infer_request_start_async(ovkit_infer_request_t* request) {
    OVKIT_REQUIRE(request);
    return guarded([&] { request->request.start_async(); });
}
ovkit_status_e ovkit_infer_request_wait(ovkit_infer_request_t* request) {
    OVKIT_REQUIRE(request);
    return guarded([&] { request->request.wait(); });
}
ovkit_status_e ovkit_infer_request_get_output_tensor(ovkit_infer_request_t* request, size_t index,
                                                     ovkit_tensor_t** tensor) {
    OVKIT_REQUIRE(request);
    OVKIT_REQUIRE(tensor);
    return guarded([&] { *tensor = new ovkit_tensor{request->request.get_output_tensor(index)}; });
}
ovkit_status_e ovkit_infer_request_reset_state(ovkit_infer_request_t* request) {
    OVKIT_REQUIRE(request);
    return guarded([&] { request->request.reset_state(); });
}
void ovkit_infer_request_free(ovkit_infer_request_t* request) {
    if (!request) return;
    try {
        request->request.wait();  // an async run must not outlive its request
    } catch (...) {
    }
    delete request;
}

}  // extern "C"
