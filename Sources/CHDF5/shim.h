// HDF5's C API (Debian's libhdf5-dev, serial build) with its macro constants as functions: H5P_DEFAULT,
// H5T_NATIVE_DOUBLE and the like are expressions that Swift does not import.
#include <hdf5.h>

static inline hid_t nn_h5p_default(void) { return H5P_DEFAULT; }
static inline hid_t nn_h5s_all(void) { return H5S_ALL; }
static inline hid_t nn_h5e_default(void) { return H5E_DEFAULT; }
static inline hid_t nn_h5p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t nn_h5p_file_create(void) { return H5P_FILE_CREATE; }
static inline hid_t nn_h5p_group_create(void) { return H5P_GROUP_CREATE; }
static inline hid_t nn_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t nn_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t nn_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t nn_h5t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t nn_h5t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t nn_h5t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t nn_h5t_c_s1(void) { return H5T_C_S1; }
static inline unsigned nn_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned nn_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline size_t nn_h5t_variable(void) { return H5T_VARIABLE; }
/// Silences HDF5's printed error stack: NNLab reports every failure itself, in one line.
static inline void nn_h5_quiet(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

// MARK: - A guard against libhdf5's own crashes
//
// libhdf5 (1.10) can crash or spin on a damaged file (a corrupted object header sends it to read
// through a null pointer). NNLab never hands a user's file to it in-process unchecked: nn_h5_probe
// forks, and the child — plain C, libhdf5 and malloc, no Swift runtime — opens the image and reads
// every attribute and dataset it holds (the objects NNLab reads are among them), under a CPU-time
// and an address-space limit. The parent learns whether the child finished.

#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static herr_t nn_probe_attribute(hid_t location, const char *name, const H5A_info_t *info, void *data) {
    (void)info; (void)data;
    hid_t attribute = H5Aopen(location, name, H5P_DEFAULT);
    if (attribute < 0) return 0;
    hid_t type = H5Aget_type(attribute), space = H5Aget_space(attribute);
    hssize_t n = H5Sget_simple_extent_npoints(space);
    if (type >= 0 && space >= 0 && n >= 0 && n <= 1000000) {
        size_t count = n > 0 ? (size_t)n : 1;
        H5T_class_t kind = H5Tget_class(type);
        if (kind == H5T_STRING) {
            hid_t memory = H5Tcopy(H5T_C_S1);
            H5Tset_cset(memory, H5Tget_cset(type));
            if (H5Tis_variable_str(type) > 0) {
                H5Tset_size(memory, H5T_VARIABLE);
                char **buffer = calloc(count, sizeof(char *));
                if (buffer && H5Aread(attribute, memory, buffer) >= 0) H5Dvlen_reclaim(memory, space, H5P_DEFAULT, buffer);
                free(buffer);
            } else {
                size_t size = H5Tget_size(type);
                if (size > 0 && size <= 65536) {
                    H5Tset_size(memory, size);
                    H5Tset_strpad(memory, H5Tget_strpad(type));
                    char *buffer = calloc(count, size);
                    if (buffer) H5Aread(attribute, memory, buffer);
                    free(buffer);
                }
            }
            H5Tclose(memory);
        } else if (kind == H5T_FLOAT || kind == H5T_INTEGER) {
            double *buffer = calloc(count, sizeof(double));
            if (buffer) H5Aread(attribute, H5T_NATIVE_DOUBLE, buffer);
            free(buffer);
        }
    }
    if (type >= 0) H5Tclose(type);
    if (space >= 0) H5Sclose(space);
    H5Aclose(attribute);
    return 0;
}

static herr_t nn_probe_object(hid_t location, const char *name, const H5O_info_t *info, void *data) {
    hsize_t limit = *(const hsize_t *)data;
    H5Aiterate_by_name(location, name, H5_INDEX_NAME, H5_ITER_INC, NULL, nn_probe_attribute, NULL, H5P_DEFAULT);
    if (info->type == H5O_TYPE_DATASET) {
        hid_t dataset = H5Dopen2(location, name, H5P_DEFAULT);
        if (dataset >= 0) {
            hid_t type = H5Dget_type(dataset), space = H5Dget_space(dataset);
            hssize_t n = H5Sget_simple_extent_npoints(space);
            H5T_class_t kind = H5Tget_class(type);
            if ((kind == H5T_FLOAT || kind == H5T_INTEGER) && n > 0 && (hsize_t)n <= limit) {
                double *buffer = malloc((size_t)n * sizeof(double));
                if (buffer) H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
                free(buffer);
            }
            if (type >= 0) H5Tclose(type);
            if (space >= 0) H5Sclose(space);
            H5Dclose(dataset);
        }
    }
    return 0;
}

/// Reads every object of the HDF5 image in a child process. Returns 0 when the child finished (the
/// file may still be refused, in-process, with a message), the signal that ended it otherwise
/// (SIGXCPU: it ran out of its `seconds`), or -1 when no child could be made.
static inline int nn_h5_probe(const void *image, size_t size, unsigned long long max_values, unsigned seconds, unsigned long long max_bytes) {
    pid_t child = fork();
    if (child < 0) return -1;
    if (child == 0) {
        // The default action for a crash (no backtrace printed by the parent's handlers, no core file),
        // and nothing printed at all.
        int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
        for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) signal(crashes[i], SIG_DFL);
        struct rlimit core = {0, 0};
        setrlimit(RLIMIT_CORE, &core);
        close(2);
        struct rlimit cpu = {seconds, seconds + 1};  // SIGXCPU at the limit, SIGKILL a second later
        setrlimit(RLIMIT_CPU, &cpu);
        struct rlimit memory = {max_bytes, max_bytes};
        setrlimit(RLIMIT_AS, &memory);
        H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
        hid_t access = H5Pcreate(H5P_FILE_ACCESS);
        H5Pset_fapl_core(access, 1 << 16, 0);
        if (H5Pset_file_image(access, (void *)image, size) >= 0) {
            hid_t file = H5Fopen("/dev/null/nnlab-probe.h5", H5F_ACC_RDONLY, access);
            hsize_t limit = max_values;
            if (file >= 0) {
                H5Ovisit(file, H5_INDEX_NAME, H5_ITER_INC, nn_probe_object, &limit);
                H5Fclose(file);
            }
        }
        _exit(0);
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {}
    if (WIFSIGNALED(status)) return WTERMSIG(status);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 128 + WEXITSTATUS(status);
}
