#ifndef PLAFOND_CZEROMQ_SHIM_H
#define PLAFOND_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
