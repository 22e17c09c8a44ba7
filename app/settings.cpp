// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {
template<typename Enum>
Enum enumValue(const QSettings &s, const QString &key, Enum fallback, int count)
{
    bool ok = false;
    const int v = s.value(key).toInt(&ok);
    return ok && v >= 0 && v < count ? Enum(v) : fallback;
}

qreal bounded(const QSettings &s, const QString &key, qreal fallback, qreal low, qreal high)
{
    bool ok = false;
    const qreal v = s.value(key).toReal(&ok);
    return ok && v >= low && v <= high ? v : fallback;
}
} // namespace

Settings::Settings() = default;

Settings::Settings(const QString &iniPath)
    : m_settings(iniPath, QSettings::IniFormat)
{ }

NumberStyle Settings::numberStyle() const
{
    return enumValue(m_settings, u"diagram/numbers"_s, NumberStyle::Symbolic, 3);
}
void Settings::setNumberStyle(NumberStyle style)
{
    m_settings.setValue(u"diagram/numbers"_s, int(style));
}

LayoutMode Settings::layoutMode(TraceKind kind) const
{
    // By step reads like the textbook for a lab run; a capture's real timing is its point.
    return kind == TraceKind::Lab ? enumValue(m_settings, u"diagram/layoutLab"_s, LayoutMode::ByStep, 2)
                                  : enumValue(m_settings, u"diagram/layoutCapture"_s, LayoutMode::ByTime, 2);
}
void Settings::setLayoutMode(TraceKind kind, LayoutMode mode)
{
    m_settings.setValue(kind == TraceKind::Lab ? u"diagram/layoutLab"_s : u"diagram/layoutCapture"_s, int(mode));
}

DiagramTheme Settings::theme() const
{
    return enumValue(m_settings, u"diagram/theme"_s, DiagramTheme::Light, 2);
}
void Settings::setTheme(DiagramTheme theme)
{
    m_settings.setValue(u"diagram/theme"_s, int(theme));
}

qreal Settings::fontPointSize() const
{
    return bounded(m_settings, u"diagram/fontPointSize"_s, 10, 6, 48);
}
void Settings::setFontPointSize(qreal points)
{
    m_settings.setValue(u"diagram/fontPointSize"_s, qBound(6.0, points, 48.0));
}

qreal Settings::animationSpeed() const
{
    return bounded(m_settings, u"diagram/animationSpeed"_s, 1, 0.1, 10);
}
void Settings::setAnimationSpeed(qreal speed)
{
    m_settings.setValue(u"diagram/animationSpeed"_s, qBound(0.1, speed, 10.0));
}

bool Settings::reducedMotion() const
{
    return m_settings.value(u"diagram/reducedMotion"_s, false).toBool();
}
void Settings::setReducedMotion(bool on)
{
    m_settings.setValue(u"diagram/reducedMotion"_s, on);
}

bool Settings::showDetail() const
{
    return m_settings.value(u"diagram/showDetail"_s, false).toBool();
}
void Settings::setShowDetail(bool on)
{
    m_settings.setValue(u"diagram/showDetail"_s, on);
}

bool Settings::showEveryRetransmission() const
{
    return m_settings.value(u"diagram/showEveryRetransmission"_s, false).toBool();
}
void Settings::setShowEveryRetransmission(bool on)
{
    m_settings.setValue(u"diagram/showEveryRetransmission"_s, on);
}

bool Settings::showWindowAlways() const
{
    return m_settings.value(u"diagram/showWindowAlways"_s, false).toBool();
}
void Settings::setShowWindowAlways(bool on)
{
    m_settings.setValue(u"diagram/showWindowAlways"_s, on);
}

Flavour Settings::flavour() const
{
    return enumValue(m_settings, u"lab/flavour"_s, Flavour::Bsd, 2);
}
void Settings::setFlavour(Flavour flavour)
{
    m_settings.setValue(u"lab/flavour"_s, int(flavour));
}

int Settings::ipVersion() const
{
    return m_settings.value(u"lab/ipVersion"_s, 4).toInt() == 6 ? 6 : 4;
}
void Settings::setIpVersion(int version)
{
    m_settings.setValue(u"lab/ipVersion"_s, version == 6 ? 6 : 4);
}

QString Settings::lectureScreen() const
{
    return m_settings.value(u"lecture/screen"_s).toString();
}
void Settings::setLectureScreen(const QString &name)
{
    m_settings.setValue(u"lecture/screen"_s, name);
}

qreal Settings::lectureFontScale() const
{
    return bounded(m_settings, u"lecture/fontScale"_s, 2, 1, 6);
}

QStringList Settings::recentFiles() const
{
    return m_settings.value(u"files/recent"_s).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent)
        files.removeLast();
    m_settings.setValue(u"files/recent"_s, files);
}

void Settings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    m_settings.setValue(u"files/recent"_s, files);
}

DiagramOptions Settings::diagramOptions(TraceKind kind) const
{
    DiagramOptions o;
    o.numbers = numberStyle();
    o.layout = layoutMode(kind);
    o.theme = theme();
    o.fontPointSize = fontPointSize();
    o.showDetail = showDetail();
    // A lab run's retransmissions are the kernel resending a segment the lecturer holds or lost:
    // folded, a held SYN is one arrow with a count instead of a new arrow every RTO. A capture's
    // are Wireshark's analysis marks on packets that were each really on the wire at their own
    // time (and nothing there says which copy arrived), so every one keeps its own arrow.
    o.collapseRetransmissions = kind == TraceKind::Lab && !showEveryRetransmission();
    o.windowAlways = showWindowAlways();
    o.reducedMotion = reducedMotion();
    o.animationSpeed = animationSpeed();
    return o;
}
