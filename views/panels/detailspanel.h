// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/diagramlayout.h"

#include <QByteArrayView>
#include <QWidget>
#include <vector>

class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;
class Trace;

// Everything about the selected event: for a segment every field of its IPv4 and TCP headers and
// options (a packet-details tree) and a hex dump of its bytes; for a call its arguments, result,
// errno and how long it was blocked; for a state or timer what the kernel reported. A segment its
// sender sent more than once lists every copy and what the wire did with each, kept up to date
// while a copy is still held.
class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget *parent = nullptr);

    void setTrace(const Trace *trace);
    void setEventIndex(qsizetype index); // -1: nothing selected
    qsizetype eventIndex() const { return m_index; }
    QTreeWidget *tree() const { return m_tree; }
    QString hexText() const;

    // "0000  45 00 00 3c ...  E..<" — 16 bytes a line, offset, hex, printable ASCII.
    static QString hexDump(QByteArrayView bytes);

private:
    void showSegment(qsizetype index);
    void showCopies(qsizetype index);
    void traceGrew();
    void showCall(qsizetype index);
    void showState(qsizetype index);
    QTreeWidgetItem *section(const QString &title);
    void field(QTreeWidgetItem *parent, const QString &name, const QString &value);

    const Trace *m_trace = nullptr;
    qsizetype m_index = -1;
    std::vector<DiagramLayout::Copy> m_copies; // the copies listed; watched while one can change
    bool m_watchCopies = false;
    QMetaObject::Connection m_appended, m_cleared;
    QTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_hex = nullptr;
};
