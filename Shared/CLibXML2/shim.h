// libxml2's SAX2 parser, which IJW reads messages with (see IJW/Reading/ElementCollector.swift).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its headers would then include ICU's, which
// clash with the ICU copy Foundation carries. Plafond never touches libxml2's encoding
// converters (messages are UTF-8, checked before parsing), so their ICU fields stay hidden.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
