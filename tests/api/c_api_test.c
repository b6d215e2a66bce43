/* The C API, used from C: read the ONNX backend test model for Add, run it, check the sum,
 * and check that errors come back as statuses with messages. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ovkit/ovkit_c.h"

static int failures = 0;
#define EXPECT(cond)                                                        \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "%s:%d: expected %s (last error: %s)\n", __FILE__, \
                    __LINE__, #cond, ovkit_last_error());                   \
            ++failures;                                                     \
        }                                                                   \
    } while (0)

int main(int argc, char** argv) {
    const char* model_path = argc > 1 ? argv[1] : "/usr/share/libonnx-testdata/data/node/test_add/model.onnx";
    ovkit_core_t* core = NULL;
    ovkit_model_t* model = NULL;
    ovkit_compiled_model_t* compiled = NULL;
    ovkit_infer_request_t* request = NULL;
    EXPECT(ovkit_core_create(&core) == OVKIT_OK);

    /* Errors: missing file, unknown device, null arguments. */
    EXPECT(ovkit_core_read_model(core, "/nonexistent/model.onnx", NULL, &model) == OVKIT_GENERAL_ERROR);
    EXPECT(strstr(ovkit_last_error(), "/nonexistent/model.onnx") != NULL);
    EXPECT(ovkit_core_read_model(core, NULL, NULL, &model) == OVKIT_INVALID_ARGUMENT);

    EXPECT(ovkit_core_read_model(core, model_path, NULL, &model) == OVKIT_OK);
    EXPECT(ovkit_core_compile_model(core, model, "NO_SUCH_DEVICE", NULL, &compiled) == OVKIT_GENERAL_ERROR);
    EXPECT(strstr(ovkit_last_error(), "NO_SUCH_DEVICE") != NULL);
    const char* props[] = {"PERFORMANCE_HINT", "LATENCY", NULL};
    EXPECT(ovkit_core_compile_model(core, model, "CPU", props, &compiled) == OVKIT_OK);

    size_t n_in = 0, n_out = 0;
    EXPECT(ovkit_compiled_model_input_count(compiled, &n_in) == OVKIT_OK && n_in == 2);
    EXPECT(ovkit_compiled_model_output_count(compiled, &n_out) == OVKIT_OK && n_out == 1);
    const char* name = NULL;
    EXPECT(ovkit_compiled_model_input_name(compiled, 0, &name) == OVKIT_OK && strcmp(name, "x") == 0);
    EXPECT(ovkit_compiled_model_input_name(compiled, 7, &name) == OVKIT_INVALID_ARGUMENT);
    EXPECT(ovkit_compiled_model_create_infer_request(compiled, &request) == OVKIT_OK);

    int64_t dims[3] = {3, 4, 5};
    float a[60], b[60];
    for (int i = 0; i < 60; ++i) {
        a[i] = (float)i;
        b[i] = 0.5f * (float)i;
    }
    ovkit_tensor_t *ta = NULL, *tb = NULL, *wrong = NULL, *out = NULL;
    EXPECT(ovkit_tensor_create_from_host_ptr(OVKIT_F32, dims, 3, a, &ta) == OVKIT_OK);
    EXPECT(ovkit_tensor_create_from_host_ptr(OVKIT_F32, dims, 3, b, &tb) == OVKIT_OK);
    int64_t wrong_dims[2] = {3, 4};
    EXPECT(ovkit_tensor_create(OVKIT_F32, wrong_dims, 2, &wrong) == OVKIT_OK);
    EXPECT(ovkit_infer_request_set_input_tensor(request, 0, wrong) == OVKIT_GENERAL_ERROR);
    EXPECT(strstr(ovkit_last_error(), "shape") != NULL);
    EXPECT(ovkit_infer_request_set_tensor(request, "nope", ta) == OVKIT_GENERAL_ERROR);
    EXPECT(ovkit_infer_request_set_input_tensor(request, 0, ta) == OVKIT_OK);
    EXPECT(ovkit_infer_request_set_tensor(request, "y", tb) == OVKIT_OK);

    /* Synchronous, then asynchronous. */
    for (int round = 0; round < 2; ++round) {
        if (round == 0) {
            EXPECT(ovkit_infer_request_infer(request) == OVKIT_OK);
        } else {
            EXPECT(ovkit_infer_request_start_async(request) == OVKIT_OK);
            EXPECT(ovkit_infer_request_wait(request) == OVKIT_OK);
        }
        EXPECT(ovkit_infer_request_get_output_tensor(request, 0, &out) == OVKIT_OK);
        int64_t out_dims[OVKIT_MAX_RANK];
        size_t rank = 0;
        ovkit_element_type_e type;
        EXPECT(ovkit_tensor_shape(out, out_dims, &rank) == OVKIT_OK && rank == 3 && out_dims[2] == 5);
        EXPECT(ovkit_tensor_type(out, &type) == OVKIT_OK && type == OVKIT_F32);
        void* data = NULL;
        EXPECT(ovkit_tensor_data(out, &data) == OVKIT_OK);
        const float* sum = (const float*)data;
        for (int i = 0; i < 60; ++i) EXPECT(fabsf(sum[i] - 1.5f * (float)i) < 1e-6f);
        ovkit_tensor_free(out);
        out = NULL;
    }
    EXPECT(ovkit_infer_request_get_output_tensor(request, 3, &out) == OVKIT_GENERAL_ERROR);

    ovkit_tensor_free(ta);
    ovkit_tensor_free(tb);
    ovkit_tensor_free(wrong);
    ovkit_infer_request_free(request);
    ovkit_compiled_model_free(compiled);
    ovkit_model_free(model);
    ovkit_core_free(core);
    printf("c_api_test: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
