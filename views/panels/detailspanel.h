// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QWidget>

class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;
class Trace;

// Everything about the selected event: for a segment every field of its IPv4 and TCP headers and
// options (a packet-details tree) and a hex dump of its bytes; for a call its arguments, result,
// errno and how long it was blocked; for a state or timer what the kernel reported.
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
    void showCall(qsizetype index);
    void showState(qsizetype index);
    QTreeWidgetItem *section(const QString &title);
    void field(QTreeWidgetItem *parent, const QString &name, const QString &value);

    const Trace *m_trace = nullptr;
    qsizetype m_index = -1;
    QTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_hex = nullptr;
};
