// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"
#include "trace/socketcalls.h"

#include <QHash>
#include <QJsonObject>
#include <QKeySequence>
#include <QPointer>
#include <QSet>
#include <QWidget>
#include <span>

class Lab;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class Trace;

// The program on one host, as buttons: one per socket call of the table (SocketCall), in the BSD
// flavour (socket, bind, listen, connect, accept, write, read, shutdown, close, and setsockopt with
// a button per option) or the Qt flavour (QTcpServer and QTcpSocket), each with the settings it
// takes beside it (bind's own port, connect's destination, shutdown's direction, an option's on/off
// and SO_LINGER's time). Every call the API lets the program issue is available — a call the kernel refuses runs
// and shows its errno, which is half of the lesson.
// Buttons of calls that would block now say so (connect while the SYN is held, accept before the
// third segment, read with nothing to read); while the program is blocked in a call it can make
// no other, like a single-threaded C program — until Interrupt makes the call fail with EINTR, as
// a signal would. The Socket list names each descriptor's role and peer ("fd 4 — listening on
// :9877"). Return presses the focused button; each common call has a key (shortcut()). While a recording plays back,
// showAsOf() shows the program as the trace has it at the viewed step, read-only.
class CallPanel : public QWidget {
    Q_OBJECT
public:
    CallPanel(Side side, QWidget *parent = nullptr);

    Side side() const { return m_side; }
    void setLab(Lab *lab); // nullptr or a lab that is not ready: every button off; ends showAsOf()
    // Read-only, without a lab: the program as the trace has it just before event `endEvent` (a
    // step of a recording played back: its stepEnd(); 0 before the first) — the descriptors or Qt
    // sockets it holds, the call it is blocked in, its last call's result — every button off.
    // The flavour shown is the one of the trace's calls. `step` is the step the panel names
    // (1-based; -1: the one the last event shown belongs to).
    void showAsOf(const Trace *trace, qsizetype endEvent, int step = -1);
    bool isAsOf() const { return m_asOfTrace != nullptr; }
    // The flavour chosen (the window's setting); shown live, and as of a trace without calls.
    void setFlavour(Flavour flavour);
    Flavour flavour() const { return m_flavour; } // the flavour shown

    // Makes the call its button makes, with the arguments now in the panel. `name` is the button's
    // name: the call's (SocketCall::name: BSD "socket", "bind", …; Qt "listen", "read", …), or for a
    // call that sets an option the option's ("SO_LINGER", "TCP_NODELAY", "SO_REUSEADDR").
    // Returns the Call event's index, or -1 when the call could not be made (the panel says why).
    qsizetype call(const QString &name);
    QPushButton *button(const QString &name) const;
    QString resultText() const;
    // What the panel says about the program: blocked in a call, no lab; as of a trace, what it holds.
    QString statusText() const;
    QString asOfText() const; // the line that says the panel shows a recording; empty when live
    // Whether the button's call would block now (its text says so).
    bool wouldBlock(const QString &name) const;
    // The key of a call on this side ("C, L": the client's listen()), empty for a call without one:
    // the side's letter (C, S) then the call's. `name` as button() takes it, in either flavour.
    static QKeySequence shortcut(Side side, const QString &name);
    // The keys' letters and the calls they make in each flavour, for the window's actions.
    struct CallKey {
        char key;
        const char *bsd; // nullptr: none in that flavour
        const char *qt;
    };
    static std::span<const CallKey> callKeys();
    // The call a key makes in the flavour shown, pressed as a click would (asking first where the
    // button asks); false if its button is off (blocked, no lab, a recording).
    bool pressKey(char key);

    // A blocked call ends at once with -1 EINTR, as a signal would end it (Interrupt's button);
    // false if no call is blocked or the one blocked cannot be interrupted (see interruptButton()'s tooltip).
    bool interrupt();
    QPushButton *interruptButton() const { return m_interrupt; }

    // Settings, each beside the call it is for (in the flavour shown).
    QSpinBox *portBox() const { return m_peerPort[int(m_flavour)]; } // connect()'s destination port
    QSpinBox *bindPortBox() const { return m_ownPort[int(m_flavour)]; } // bind()'s, QTcpServer::listen()'s
    QLineEdit *dataEdit() const { return m_data[int(m_flavour)]; } // write()'s
    QComboBox *socketBox() const;
    QSpinBox *optionValueBox(const QString &option) const { return m_optionValue.value(option); }
    void selectSocket(int fdOrId);
    // Live, BSD flavour: the local and remote port of the descriptor chosen in the Socket list, when
    // it is listening (remote 0) or connected; false otherwise (for the socket inspector).
    bool chosenSocket(quint16 &localPort, quint16 &remotePort) const;

public slots:
    // Re-reads what the program holds and what would block; cheap, called when the trace grows.
    void refresh();

signals:
    // A call was made from this panel (for the scenario recorder): its Call event.
    void called(qsizetype callEvent);
    // Buttons went on or off (a call blocked or returned, a lab came or went): for the window's keys.
    void buttonsChanged();
    // Another descriptor was chosen in the Socket list.
    void socketChosen();

private:
    // The hosts' addresses in the title, beside the port boxes and in their tips.
    void showAddresses(const QString &client, const QString &server);
    struct Button {
        QPushButton *button = nullptr;
        const SocketCall *call = nullptr;
        QString option; // the option it sets, for a call with an "option" argument
        QString text;
    };
    QWidget *makePage(Flavour flavour);
    QPushButton *addButton(QWidget *page, const SocketCall &socketCall, const QString &name, const QString &text,
                           const QString &tip);
    QPushButton *callButton(QWidget *page, SocketCall::Op op, const QString &option = {});
    bool eventFilter(QObject *watched, QEvent *event) override;
    void press(const QString &name); // a click: asks first where the call cannot succeed soon
    QString socketRole(int fd) const; // live: "listening on :9877", "connected to 10.0.0.1:53442"
    QJsonObject arguments(const Button &b) const;
    bool blocksNow(const SocketCall &call) const;
    void showReturn(qsizetype callEvent, qsizetype returnEvent);
    void showCalled(qsizetype callEvent, const QString &refusal);
    int currentFd() const;
    int listeningFd() const;
    void updateSockets();
    void updateBlocking();
    void scanTrace();
    void showFlavour(Flavour flavour);
    void showSituation();

    Side m_side;
    Flavour m_flavour = Flavour::Bsd;
    Flavour m_chosenFlavour = Flavour::Bsd;
    QPointer<Lab> m_lab;
    const Trace *m_asOfTrace = nullptr; // shown as of m_asOfEnd; null when live
    QMetaObject::Connection m_asOfTraceGone;
    qsizetype m_asOfEnd = 0;
    int m_asOfStep = -1;
    QHash<QString, Button> m_buttons[2];
    QSet<QString> m_blocks; // buttons whose call would block now
    QStackedWidget *m_pages = nullptr;
    QComboBox *m_fd = nullptr;
    QComboBox *m_qtSocket = nullptr;
    QSpinBox *m_ownPort[2] = {nullptr, nullptr};
    QSpinBox *m_peerPort[2] = {nullptr, nullptr};
    QLabel *m_ownAddress[2] = {nullptr, nullptr}; // "to 10.0.0.2 :" before m_ownPort
    QLabel *m_peerAddress[2] = {nullptr, nullptr};
    QLineEdit *m_data[2] = {nullptr, nullptr};
    QComboBox *m_how = nullptr;
    QSpinBox *m_linger = nullptr;
    QHash<QString, QCheckBox *> m_optionOn; // by option
    QHash<QString, QSpinBox *> m_optionValue; // by option: the keep-alive times and count
    QList<QWidget *> m_settings; // every setting, off with the buttons in a recording
    QWidget *m_arguments = nullptr;
    QPushButton *m_interrupt = nullptr;
    QString m_interrupted; // what the last Interrupt did, until the next call
    QLabel *m_title = nullptr;
    QLabel *m_asOf = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_result = nullptr;
    QList<int> m_listenFds; // descriptors listen() succeeded on, and not closed since
    QHash<int, QString> m_connectTo; // "10.0.0.2:9877": what each descriptor's last connect() was to
    qsizetype m_scanned = 0; // trace events read for m_listenFds, m_connectTo
};
