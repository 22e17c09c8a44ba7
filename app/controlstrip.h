// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class CallPanel;
class QToolButton;
class WirePanel;

// Lecture mode's by-hand controls, in one row under the diagram: the common calls of each side and
// the wire's actions, large enough for a projector. Each button presses its call panel's button (so
// it asks, blocks and refuses as that one does) or acts on the wire panel's oldest held segment.
class ControlStrip : public QWidget {
    Q_OBJECT
public:
    ControlStrip(CallPanel *client, CallPanel *server, WirePanel *wire, QWidget *parent = nullptr);

    // The strip's button for a side's call key (CallPanel::callKeys()) or a wire action: "deliver",
    // "dropToServer", "dropToClient".
    QToolButton *callButton(bool client, char key) const;
    QToolButton *wireButton(const QString &name) const { return m_wire.value(name); }
    QToolButton *interruptButton(bool client) const { return m_interrupt[client ? 0 : 1]; }

public slots:
    void refresh(); // the flavour shown and which calls can be made now

private:
    CallPanel *m_panels[2];
    WirePanel *m_wirePanel;
    QHash<char, QToolButton *> m_calls[2];
    QHash<QString, QToolButton *> m_wire;
    QToolButton *m_interrupt[2] = {nullptr, nullptr};
};
