// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The socket calls a program on the lab can make, in one table: what a scenario file calls them and
// which arguments it gives them (docs/scenario-format.md), what a trace records them as, whether
// they block and whether they make a descriptor or Qt socket. The scenario parser, runner and
// recorder, the call panels and the texts all read it; adding a call is one entry here plus its
// implementation in CallMaker (model/lab/callmaker.cpp, which the compiler holds to every Op).

#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <initializer_list>
#include <span>

// The API a program is written against: BSD sockets, or Qt's QTcpServer and QTcpSocket.
enum class Flavour : quint8 { Bsd, Qt };

struct SocketCall {
    enum class Op : quint8 {
        Socket,
        Bind,
        Listen,
        Connect,
        Accept,
        Write,
        Read,
        Shutdown,
        Close,
        SetSockOpt,
        QtListen,
        QtConnectToHost,
        QtNextPendingConnection,
        QtWrite,
        QtRead,
        QtDisconnectFromHost,
        QtClose,
        QtAbort,
    };

    enum class ArgType : quint8 {
        Handle, // a descriptor (BSD) or Qt socket, named in a scenario by the "as" of the call that made it
        Port, // 0 … 65535
        Int, // a C int
        Text, // a string: data written
        Address, // one of the lab's hosts
        OneOf, // one of `choices`
    };
    struct Choice {
        const char *name;
        const char *summary = nullptr; // QT_TRANSLATE_NOOP("SocketCall"), for a choice the panel offers as a button
    };
    struct Arg {
        QLatin1StringView name; // as a scenario file and the call panel name it
        ArgType type = ArgType::Int;
        bool required = false;
        // As the trace records it, where that is C's name for it (struct linger's l_onoff); empty: `name`.
        QLatin1StringView recorded = {};
        std::initializer_list<Choice> choices = {};

        QLatin1StringView recordedName() const { return recorded.isEmpty() ? name : recorded; }
    };
    // What a call makes that later calls name (a scenario by its "as"): nothing, the descriptor or Qt
    // socket id it returns, or — QTcpSocket::connectToHost, which returns nothing — the id of the
    // socket it made, which the trace records as its "socket" argument.
    enum class Makes : quint8 { Nothing, Result, RecordedSocket };

    Op op;
    Flavour flavour;
    QLatin1StringView name; // in scenario files and on the call panel: "connect", Qt's "read"
    QLatin1StringView fn; // as the trace records it and texts show it: "connect", "QTcpSocket::readAll"
    std::initializer_list<Arg> args = {}; // in the order of the C or Qt call
    Makes makes = Makes::Nothing;
    // The program may wait in it for its kernel (the BSD calls a single-threaded program blocks in;
    // close() only with SO_LINGER); Qt's calls return at once.
    bool blocks = false;
    // Qt: the signal a program makes this call in answer to; a recording waits for it before the call.
    QLatin1StringView cue = {};
    const char *summary = nullptr; // QT_TRANSLATE_NOOP("SocketCall"): what it does (the panel's tooltip)

    bool makesHandle() const { return makes != Makes::Nothing; }
    const Arg *arg(QStringView argName) const;
    // The recorded name without its class, as a Qt program writes the call: "readAll", "connect".
    QLatin1StringView shortFn() const;
    QString summaryText() const;

    static std::span<const SocketCall> all();
    static const SocketCall &of(Op op);
    // By the name a scenario file gives it; nullptr for none.
    static const SocketCall *find(Flavour flavour, QStringView name);
    // By the name the trace records (CallRecord::fn); nullptr for anything else (a signal, a call of
    // a generated or imported trace).
    static const SocketCall *recorded(QStringView fn);
    // The flavour of a recorded call by its name alone, the table's or not: Qt's calls are recorded
    // with their class ("QTcpSocket::disconnectFromHost"), so a trace says which it has.
    static Flavour flavourOf(QStringView fn);
    static QString flavourName(Flavour flavour); // "BSD", "Qt"
};
