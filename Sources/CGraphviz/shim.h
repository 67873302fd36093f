// The slice of Graphviz's C API that Slipway uses (libgvc + libcgraph, 2.42+).
//
// Why a shim: Swift 6 refuses the C global `Agdirected` as shared mutable state,
// and cgraph declares `char *` where it only reads, so these wrappers read the
// global inside an inline function and take `const char *`.
#ifndef SLIPWAY_CGRAPHVIZ_SHIM_H
#define SLIPWAY_CGRAPHVIZ_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

static inline Agraph_t *slipway_agopen_directed(const char *name) {
    return agopen((char *)name, Agdirected, NULL);
}

static inline Agraph_t *slipway_agsubg(Agraph_t *g, const char *name) {
    return agsubg(g, (char *)name, 1);
}

static inline Agnode_t *slipway_agnode(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}

static inline Agedge_t *slipway_agedge(Agraph_t *g, Agnode_t *tail, Agnode_t *head) {
    return agedge(g, tail, head, NULL, 1);
}

/// Sets an attribute on a graph, node or edge, declaring it (default "") if needed.
static inline int slipway_agsafeset(void *object, const char *name, const char *value) {
    return agsafeset(object, (char *)name, (char *)value, "");
}

/// Sets an HTML-like label (`<...>` in DOT): the string must be marked as HTML
/// in cgraph's string pool, so it is interned with `agstrdup_html` first.
static inline int slipway_agsafeset_html(Agraph_t *root, void *object, const char *name, const char *html) {
    char *interned = agstrdup_html(root, (char *)html);
    int result = agsafeset(object, (char *)name, interned, "");
    agstrfree(root, interned);
    return result;
}

/// Declares an attribute for every graph, node or edge (`kind`: AGRAPH, AGNODE,
/// AGEDGE) of `g` with a default value.
static inline void slipway_agattr(Agraph_t *g, int kind, const char *name, const char *value) {
    agattr(g, kind, (char *)name, (char *)value);
}

static inline int slipway_gvLayout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, (char *)engine);
}

static inline int slipway_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format, char **result, unsigned int *length) {
    return gvRenderData(gvc, g, (char *)format, result, length);
}

/// The graph as DOT text, without layout, in a malloc'ed buffer the caller frees;
/// NULL on failure. cgraph writes only to a channel, so the channel is a memory stream.
static inline char *slipway_agwrite_string(Agraph_t *g, size_t *length) {
    char *buffer = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (stream == NULL) return NULL;
    int result = agwrite(g, stream);
    if (fclose(stream) != 0 || result != 0) {
        free(buffer);
        return NULL;
    }
    *length = size;
    return buffer;
}

#endif
