// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"
#include "trace/socketcalls.h"

#include <QJsonObject>
#include <QString>

class Lab;

// Makes a call of the table (SocketCall) on one host of the lab through its BsdHost or QtHost:
// the one implementation of each call, for the scenario runner and the call panels alike.
namespace CallMaker {
// `args` as a scenario file names them (SocketCall::Arg::name), descriptors and Qt sockets by their
// number; one left out has the default docs/scenario-format.md gives it. Returns the Call event, or
// -1 when the call was not made: *refusal then says why (blocked in another call, no lab).
qsizetype make(Lab &lab, Side side, const SocketCall &call, const QJsonObject &args, QString *refusal);
} // namespace CallMaker
