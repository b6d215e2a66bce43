/* ovkit C API: every call returns a status; on failure ovkit_last_error() holds the
 * message (per thread). No C++ exception ever crosses this boundary.
 *
 *   ovkit_core_t* core; ovkit_model_t* model; ovkit_compiled_model_t* compiled;
 *   ovkit_infer_request_t* req;
 *   ovkit_core_create(&core);
 *   ovkit_core_read_model(core, "model.onnx", NULL, &model);
 *   ovkit_core_compile_model(core, model, "CPU", NULL, &compiled);
 *   ovkit_compiled_model_create_infer_request(compiled, &req);
 *   ovkit_infer_request_set_input_tensor(req, 0, tensor);
 *   ovkit_infer_request_infer(req);
 */
#ifndef OVKIT_C_H
#define OVKIT_C_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    OVKIT_OK = 0,
    OVKIT_GENERAL_ERROR = -1,   /* model, shape, device or runtime error */
    OVKIT_INVALID_ARGUMENT = -2, /* null pointer, index out of range */
    OVKIT_OUT_OF_MEMORY = -3,
} ovkit_status_e;

/* Values match ovkit::ElementType. */
typedef enum {
    OVKIT_UNDEFINED = 0,
    OVKIT_BOOLEAN,
    OVKIT_F16,
    OVKIT_BF16,
    OVKIT_F32,
    OVKIT_F64,
    OVKIT_I8,
    OVKIT_I16,
    OVKIT_I32,
    OVKIT_I64,
    OVKIT_U8,
    OVKIT_U16,
    OVKIT_U32,
    OVKIT_U64,
} ovkit_element_type_e;

#define OVKIT_MAX_RANK 16

typedef struct ovkit_core ovkit_core_t;
typedef struct ovkit_model ovkit_model_t;
typedef struct ovkit_compiled_model ovkit_compiled_model_t;
typedef struct ovkit_infer_request ovkit_infer_request_t;
typedef struct ovkit_tensor ovkit_tensor_t;

const char* ovkit_last_error(void);

ovkit_status_e ovkit_core_create(ovkit_core_t** core);
void ovkit_core_free(ovkit_core_t* core);
/* weights_path may be NULL (IR: the .bin beside the .xml). */
ovkit_status_e ovkit_core_read_model(ovkit_core_t* core, const char* path, const char* weights_path,
                                     ovkit_model_t** model);
void ovkit_model_free(ovkit_model_t* model);
/* properties: NULL or a NULL-terminated list of key, value pairs ("PERFORMANCE_HINT", "LATENCY", NULL). */
ovkit_status_e ovkit_core_compile_model(ovkit_core_t* core, const ovkit_model_t* model, const char* device,
                                        const char* const* properties, ovkit_compiled_model_t** compiled);
void ovkit_compiled_model_free(ovkit_compiled_model_t* compiled);
ovkit_status_e ovkit_compiled_model_input_count(const ovkit_compiled_model_t* compiled, size_t* count);
ovkit_status_e ovkit_compiled_model_output_count(const ovkit_compiled_model_t* compiled, size_t* count);
/* The returned name stays valid while the compiled model lives. */
ovkit_status_e ovkit_compiled_model_input_name(const ovkit_compiled_model_t* compiled, size_t index,
                                               const char** name);
ovkit_status_e ovkit_compiled_model_output_name(const ovkit_compiled_model_t* compiled, size_t index,
                                                const char** name);
ovkit_status_e ovkit_compiled_model_create_infer_request(const ovkit_compiled_model_t* compiled,
                                                         ovkit_infer_request_t** request);

ovkit_status_e ovkit_tensor_create(ovkit_element_type_e type, const int64_t* dims, size_t rank,
                                   ovkit_tensor_t** tensor);
/* Wraps caller memory; the caller keeps it alive while the tensor is used. */
ovkit_status_e ovkit_tensor_create_from_host_ptr(ovkit_element_type_e type, const int64_t* dims, size_t rank,
                                                 void* data, ovkit_tensor_t** tensor);
ovkit_status_e ovkit_tensor_data(ovkit_tensor_t* tensor, void** data);
ovkit_status_e ovkit_tensor_type(const ovkit_tensor_t* tensor, ovkit_element_type_e* type);
/* dims must hold OVKIT_MAX_RANK values. */
ovkit_status_e ovkit_tensor_shape(const ovkit_tensor_t* tensor, int64_t* dims, size_t* rank);
ovkit_status_e ovkit_tensor_size(const ovkit_tensor_t* tensor, size_t* element_count);
void ovkit_tensor_free(ovkit_tensor_t* tensor);

ovkit_status_e ovkit_infer_request_set_input_tensor(ovkit_infer_request_t* request, size_t index,
                                                    const ovkit_tensor_t* tensor);
ovkit_status_e ovkit_infer_request_set_tensor(ovkit_infer_request_t* request, const char* name,
                                              const ovkit_tensor_t* tensor);
ovkit_status_e ovkit_infer_request_infer(ovkit_infer_request_t* request);
ovkit_status_e ovkit_infer_request_start_async(ovkit_infer_request_t* request);
ovkit_status_e ovkit_infer_request_wait(ovkit_infer_request_t* request);
/* The output tensor is a new handle the caller frees. */
ovkit_status_e ovkit_infer_request_get_output_tensor(ovkit_infer_request_t* request, size_t index,
                                                     ovkit_tensor_t** tensor);
ovkit_status_e ovkit_infer_request_reset_state(ovkit_infer_request_t* request);
void ovkit_infer_request_free(ovkit_infer_request_t* request);

#ifdef __cplusplus
}
#endif

#endif /* OVKIT_C_H */
