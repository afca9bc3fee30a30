#ifndef PLAFOND_CCURL_SHIM_H
#define PLAFOND_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
// These typed wrappers are the only C the project writes.
static inline CURLcode plafond_curl_setopt_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode plafond_curl_setopt_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode plafond_curl_setopt_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode plafond_curl_setopt_slist(CURL *curl, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(curl, option, value);
}
typedef size_t (*plafond_curl_io_callback)(char *buffer, size_t size, size_t count, void *userdata);
static inline CURLcode plafond_curl_setopt_callback(CURL *curl, CURLoption option, plafond_curl_io_callback value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode plafond_curl_getinfo_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}
#endif
