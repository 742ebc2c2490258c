// SPDX-License-Identifier: MIT
#include "error.h"

using namespace Qt::StringLiterals;

namespace quire::core {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
        return u"not_found"_s;
    case ErrorCode::InvalidArgument:
        return u"invalid_argument"_s;
    case ErrorCode::Conflict:
        return u"conflict"_s;
    case ErrorCode::Storage:
        return u"storage"_s;
    case ErrorCode::Internal:
        return u"internal"_s;
    }
    return u"internal"_s;
}

} // namespace quire::core
