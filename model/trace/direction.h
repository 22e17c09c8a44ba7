// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The words for the wire between the two hosts that every layer speaks: the trace records segments
// by direction, a scenario file names wire actions and modes, the lab's Wire carries them out and
// the wire panel offers them. They live here, below all of them, so a scenario can be read where
// no lab is built.

#include "event.h"

#include <QtGlobal>

enum class Direction : quint8 { ClientToServer, ServerToClient };
inline Direction directionFrom(Side sender)
{
    return sender == Side::Client ? Direction::ClientToServer : Direction::ServerToClient;
}

// What can be done to one held segment: the wire panel's buttons, a scenario's wire actions.
enum class WireAction : quint8 { Deliver, Drop, Duplicate };
// Step: a held segment waits for an action; Auto: the wire delivers it after its latency.
enum class WireMode { Step, Auto };
