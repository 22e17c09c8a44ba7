// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/diagramoptions.h"
#include "trace/segmentlabels.h"
#include "trace/socketcalls.h"

#include <QSettings>
#include <QStringList>

// Every setting the user can change, persisted with QSettings under one set of keys. The layout
// mode is remembered per kind of trace: a lab run reads best by step, a capture by time.
class Settings {
public:
    enum class TraceKind { Lab, Capture };

    Settings();
    explicit Settings(const QString &iniPath); // tests: a file of their own

    NumberStyle numberStyle() const;
    void setNumberStyle(NumberStyle style);
    LayoutMode layoutMode(TraceKind kind) const;
    void setLayoutMode(TraceKind kind, LayoutMode mode);
    DiagramTheme theme() const;
    void setTheme(DiagramTheme theme);
    qreal fontPointSize() const;
    void setFontPointSize(qreal points);
    qreal animationSpeed() const;
    void setAnimationSpeed(qreal speed);
    bool reducedMotion() const;
    void setReducedMotion(bool on);
    bool showDetail() const;
    void setShowDetail(bool on);
    // Off (the default): a segment resent while it was lost or held is one arrow with a count.
    bool showEveryRetransmission() const;
    void setShowEveryRetransmission(bool on);
    // Off (the default): a label says the window only when it is zero or reopens.
    bool showWindowAlways() const;
    void setShowWindowAlways(bool on);
    Flavour flavour() const;
    void setFlavour(Flavour flavour);
    // The lab's IP version, 4 (the default) or 6.
    int ipVersion() const;
    void setIpVersion(int version);
    // Lecture mode: the screen's name (QScreen::name), and how much larger the text is.
    QString lectureScreen() const;
    void setLectureScreen(const QString &name);
    qreal lectureFontScale() const;

    QStringList recentFiles() const;
    void addRecentFile(const QString &path); // most recent first, at most kMaxRecent
    void removeRecentFile(const QString &path);
    static constexpr int kMaxRecent = 8;

    // The diagram options these settings make for a trace of this kind.
    DiagramOptions diagramOptions(TraceKind kind) const;

private:
    mutable QSettings m_settings;
};
