// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Stand-in for the lead's SegmentLabeler (model/trace/segmentlabels.h, same API) until it lands
// on main; removed by the merge that brings the real one.

#include "trace/trace.h"

#include <QString>
#include <vector>

enum class NumberStyle { Symbolic, Relative, Absolute };

class SegmentLabeler {
public:
    explicit SegmentLabeler(const Trace &trace)
        : m_trace(trace)
    {
        update();
    }
    void update()
    {
        for (; m_seen < m_trace.size(); ++m_seen) {
            const Event &e = m_trace.at(m_seen);
            if (e.kind != EventKind::Send)
                continue;
            const int dir = int(e.side);
            if ((e.flags & 0x02) && !m_hasIsn[dir]) {
                m_hasIsn[dir] = true;
                m_isn[dir] = e.seq;
                m_letter[dir] = m_hasIsn[1 - dir] ? u'K' : u'J';
            }
        }
    }
    void reset()
    {
        m_seen = 0;
        m_hasIsn[0] = m_hasIsn[1] = false;
        update();
    }
    QString label(qsizetype eventIndex, NumberStyle style) const
    {
        const Event &e = m_trace.at(m_trace.sendIndexOf(eventIndex));
        const int dir = int(e.side);
        QString text;
        auto num = [&](int d, quint32 v) {
            if (style == NumberStyle::Absolute || !m_hasIsn[d])
                return QString::number(v);
            const quint32 off = v - m_isn[d];
            if (style == NumberStyle::Relative)
                return QString::number(off);
            return off ? QString(m_letter[d]) + u'+' + QString::number(off) : QString(m_letter[d]);
        };
        if (e.flags & 0x02)
            text = QStringLiteral("SYN ") + num(dir, e.seq);
        if (e.flags & 0x01)
            text = QStringLiteral("FIN ") + num(dir, e.seq);
        if (e.flags & 0x04)
            text = QStringLiteral("RST");
        if (e.length)
            text += (text.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("seq ") + num(dir, e.seq)
                + QStringLiteral(", len ") + QString::number(e.length);
        if (e.flags & 0x10)
            text += (text.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("ACK ") + num(1 - dir, e.ack);
        return text;
    }
    QString detail(qsizetype eventIndex) const
    {
        const Event &e = m_trace.at(m_trace.sendIndexOf(eventIndex));
        return QStringLiteral("win ") + QString::number(e.window);
    }

private:
    const Trace &m_trace;
    qsizetype m_seen = 0;
    bool m_hasIsn[2] = { false, false };
    quint32 m_isn[2] = { 0, 0 };
    QChar m_letter[2];
};
