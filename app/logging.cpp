// SPDX-License-Identifier: MIT
#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "quire.app")
Q_LOGGING_CATEGORY(lcBridge, "quire.bridge")
Q_LOGGING_CATEGORY(lcDatabase, "quire.database")
Q_LOGGING_CATEGORY(lcWeb, "quire.web")
