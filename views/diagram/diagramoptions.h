// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/segmentlabels.h"

#include <QString>
#include <QtGlobal>

enum class LayoutMode { ByStep, ByTime };
enum class DiagramTheme { Light, Dark }; // Light is the projector-friendly one

struct DiagramOptions {
    NumberStyle numbers = NumberStyle::Symbolic;
    LayoutMode layout = LayoutMode::ByStep;
    DiagramTheme theme = DiagramTheme::Light;
    qreal fontPointSize = 10;
    bool showDetail = false; // window, options, payload preview under labels
    bool windowAlways = false; // every label says the window ("ACK K+1, win 502"), not only when it matters
    bool collapseRetransmissions = false;
    bool reducedMotion = false;
    qreal animationSpeed = 1.0;
    bool transparentBackground = false; // exports
    friend bool operator==(const DiagramOptions &, const DiagramOptions &) = default;
};

struct StepRange {
    int first = 0;
    int last = -1; // inclusive; -1: to the end
};
