/****************************************************************************
** Meta object code from reading C++ file 'qfcitxplatforminputcontext.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "qfcitxplatforminputcontext.h"
#include <QtGui/qtextcursor.h>
#include <QtCore/qmetatype.h>
#include <QtCore/QPointer>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'qfcitxplatforminputcontext.h' doesn't include <QObject>."
#elif Q_MOC_OUTPUT_REVISION != 68
#error "This file was generated using the moc from 6.4.2. It"
#error "cannot be used with the include files from this version of Qt."
#error "(The moc has changed too much.)"
#endif

#ifndef Q_CONSTINIT
#define Q_CONSTINIT
#endif

QT_BEGIN_MOC_NAMESPACE
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
namespace {
struct qt_meta_stringdata_fcitx__ProcessKeyWatcher_t {
    uint offsetsAndSizes[2];
    char stringdata0[25];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__ProcessKeyWatcher_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__ProcessKeyWatcher_t qt_meta_stringdata_fcitx__ProcessKeyWatcher = {
    {
        QT_MOC_LITERAL(0, 24)   // "fcitx::ProcessKeyWatcher"
    },
    "fcitx::ProcessKeyWatcher"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__ProcessKeyWatcher[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
       0,    0, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       0,       // signalCount

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::ProcessKeyWatcher::staticMetaObject = { {
    QMetaObject::SuperData::link<QDBusPendingCallWatcher::staticMetaObject>(),
    qt_meta_stringdata_fcitx__ProcessKeyWatcher.offsetsAndSizes,
    qt_meta_data_fcitx__ProcessKeyWatcher,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__ProcessKeyWatcher_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<ProcessKeyWatcher, std::true_type>
    >,
    nullptr
} };

void fcitx::ProcessKeyWatcher::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    (void)_o;
    (void)_id;
    (void)_c;
    (void)_a;
}

const QMetaObject *fcitx::ProcessKeyWatcher::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::ProcessKeyWatcher::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__ProcessKeyWatcher.stringdata0))
        return static_cast<void*>(this);
    return QDBusPendingCallWatcher::qt_metacast(_clname);
}

int fcitx::ProcessKeyWatcher::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QDBusPendingCallWatcher::qt_metacall(_c, _id, _a);
    return _id;
}
namespace {
struct qt_meta_stringdata_fcitx__QFcitxPlatformInputContext_t {
    uint offsetsAndSizes[84];
    char stringdata0[34];
    char stringdata1[18];
    char stringdata2[1];
    char stringdata3[13];
    char stringdata4[4];
    char stringdata5[23];
    char stringdata6[28];
    char stringdata7[12];
    char stringdata8[10];
    char stringdata9[22];
    char stringdata10[7];
    char stringdata11[6];
    char stringdata12[11];
    char stringdata13[7];
    char stringdata14[6];
    char stringdata15[5];
    char stringdata16[27];
    char stringdata17[5];
    char stringdata18[8];
    char stringdata19[16];
    char stringdata20[7];
    char stringdata21[16];
    char stringdata22[5];
    char stringdata23[11];
    char stringdata24[9];
    char stringdata25[19];
    char stringdata26[8];
    char stringdata27[10];
    char stringdata28[6];
    char stringdata29[8];
    char stringdata30[26];
    char stringdata31[11];
    char stringdata32[15];
    char stringdata33[11];
    char stringdata34[8];
    char stringdata35[8];
    char stringdata36[19];
    char stringdata37[14];
    char stringdata38[18];
    char stringdata39[6];
    char stringdata40[24];
    char stringdata41[25];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__QFcitxPlatformInputContext_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__QFcitxPlatformInputContext_t qt_meta_stringdata_fcitx__QFcitxPlatformInputContext = {
    {
        QT_MOC_LITERAL(0, 33),  // "fcitx::QFcitxPlatformInputCon..."
        QT_MOC_LITERAL(34, 17),  // "cursorRectChanged"
        QT_MOC_LITERAL(52, 0),  // ""
        QT_MOC_LITERAL(53, 12),  // "commitString"
        QT_MOC_LITERAL(66, 3),  // "str"
        QT_MOC_LITERAL(70, 22),  // "updateFormattedPreedit"
        QT_MOC_LITERAL(93, 27),  // "FcitxQtFormattedPreeditList"
        QT_MOC_LITERAL(121, 11),  // "preeditList"
        QT_MOC_LITERAL(133, 9),  // "cursorPos"
        QT_MOC_LITERAL(143, 21),  // "deleteSurroundingText"
        QT_MOC_LITERAL(165, 6),  // "offset"
        QT_MOC_LITERAL(172, 5),  // "nchar"
        QT_MOC_LITERAL(178, 10),  // "forwardKey"
        QT_MOC_LITERAL(189, 6),  // "keyval"
        QT_MOC_LITERAL(196, 5),  // "state"
        QT_MOC_LITERAL(202, 4),  // "type"
        QT_MOC_LITERAL(207, 26),  // "createInputContextFinished"
        QT_MOC_LITERAL(234, 4),  // "uuid"
        QT_MOC_LITERAL(239, 7),  // "cleanUp"
        QT_MOC_LITERAL(247, 15),  // "windowDestroyed"
        QT_MOC_LITERAL(263, 6),  // "object"
        QT_MOC_LITERAL(270, 15),  // "updateCurrentIM"
        QT_MOC_LITERAL(286, 4),  // "name"
        QT_MOC_LITERAL(291, 10),  // "uniqueName"
        QT_MOC_LITERAL(302, 8),  // "langCode"
        QT_MOC_LITERAL(311, 18),  // "updateClientSideUI"
        QT_MOC_LITERAL(330, 7),  // "preedit"
        QT_MOC_LITERAL(338, 9),  // "cursorpos"
        QT_MOC_LITERAL(348, 5),  // "auxUp"
        QT_MOC_LITERAL(354, 7),  // "auxDown"
        QT_MOC_LITERAL(362, 25),  // "FcitxQtStringKeyValueList"
        QT_MOC_LITERAL(388, 10),  // "candidates"
        QT_MOC_LITERAL(399, 14),  // "candidateIndex"
        QT_MOC_LITERAL(414, 10),  // "layoutHint"
        QT_MOC_LITERAL(425, 7),  // "hasPrev"
        QT_MOC_LITERAL(433, 7),  // "hasNext"
        QT_MOC_LITERAL(441, 18),  // "serverSideFocusOut"
        QT_MOC_LITERAL(460, 13),  // "commitPreedit"
        QT_MOC_LITERAL(474, 17),  // "QPointer<QObject>"
        QT_MOC_LITERAL(492, 5),  // "input"
        QT_MOC_LITERAL(498, 23),  // "processKeyEventFinished"
        QT_MOC_LITERAL(522, 24)   // "QDBusPendingCallWatcher*"
    },
    "fcitx::QFcitxPlatformInputContext",
    "cursorRectChanged",
    "",
    "commitString",
    "str",
    "updateFormattedPreedit",
    "FcitxQtFormattedPreeditList",
    "preeditList",
    "cursorPos",
    "deleteSurroundingText",
    "offset",
    "nchar",
    "forwardKey",
    "keyval",
    "state",
    "type",
    "createInputContextFinished",
    "uuid",
    "cleanUp",
    "windowDestroyed",
    "object",
    "updateCurrentIM",
    "name",
    "uniqueName",
    "langCode",
    "updateClientSideUI",
    "preedit",
    "cursorpos",
    "auxUp",
    "auxDown",
    "FcitxQtStringKeyValueList",
    "candidates",
    "candidateIndex",
    "layoutHint",
    "hasPrev",
    "hasNext",
    "serverSideFocusOut",
    "commitPreedit",
    "QPointer<QObject>",
    "input",
    "processKeyEventFinished",
    "QDBusPendingCallWatcher*"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__QFcitxPlatformInputContext[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
      14,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       0,       // signalCount

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
       1,    0,   98,    2, 0x0a,    1 /* Public */,
       3,    1,   99,    2, 0x0a,    2 /* Public */,
       5,    2,  102,    2, 0x0a,    4 /* Public */,
       9,    2,  107,    2, 0x0a,    7 /* Public */,
      12,    3,  112,    2, 0x0a,   10 /* Public */,
      16,    1,  119,    2, 0x0a,   14 /* Public */,
      18,    0,  122,    2, 0x0a,   16 /* Public */,
      19,    1,  123,    2, 0x0a,   17 /* Public */,
      21,    3,  126,    2, 0x0a,   19 /* Public */,
      25,    9,  133,    2, 0x0a,   23 /* Public */,
      36,    0,  152,    2, 0x0a,   33 /* Public */,
      37,    1,  153,    2, 0x0a,   34 /* Public */,
      37,    0,  156,    2, 0x2a,   36 /* Public | MethodCloned */,
      40,    1,  157,    2, 0x08,   37 /* Private */,

 // slots: parameters
    QMetaType::Void,
    QMetaType::Void, QMetaType::QString,    4,
    QMetaType::Void, 0x80000000 | 6, QMetaType::Int,    7,    8,
    QMetaType::Void, QMetaType::Int, QMetaType::UInt,   10,   11,
    QMetaType::Void, QMetaType::UInt, QMetaType::UInt, QMetaType::Bool,   13,   14,   15,
    QMetaType::Void, QMetaType::QByteArray,   17,
    QMetaType::Void,
    QMetaType::Void, QMetaType::QObjectStar,   20,
    QMetaType::Void, QMetaType::QString, QMetaType::QString, QMetaType::QString,   22,   23,   24,
    QMetaType::Void, 0x80000000 | 6, QMetaType::Int, 0x80000000 | 6, 0x80000000 | 6, 0x80000000 | 30, QMetaType::Int, QMetaType::Int, QMetaType::Bool, QMetaType::Bool,   26,   27,   28,   29,   31,   32,   33,   34,   35,
    QMetaType::Void,
    QMetaType::Bool, 0x80000000 | 38,   39,
    QMetaType::Bool,
    QMetaType::Void, 0x80000000 | 41,    2,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::QFcitxPlatformInputContext::staticMetaObject = { {
    QMetaObject::SuperData::link<QPlatformInputContext::staticMetaObject>(),
    qt_meta_stringdata_fcitx__QFcitxPlatformInputContext.offsetsAndSizes,
    qt_meta_data_fcitx__QFcitxPlatformInputContext,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__QFcitxPlatformInputContext_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<QFcitxPlatformInputContext, std::true_type>,
        // method 'cursorRectChanged'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'commitString'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'updateFormattedPreedit'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'deleteSurroundingText'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'forwardKey'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'createInputContextFinished'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QByteArray &, std::false_type>,
        // method 'cleanUp'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'windowDestroyed'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<QObject *, std::false_type>,
        // method 'updateCurrentIM'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'updateClientSideUI'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtStringKeyValueList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'serverSideFocusOut'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'commitPreedit'
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        QtPrivate::TypeAndForceComplete<QPointer<QObject>, std::false_type>,
        // method 'commitPreedit'
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'processKeyEventFinished'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<QDBusPendingCallWatcher *, std::false_type>
    >,
    nullptr
} };

void fcitx::QFcitxPlatformInputContext::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<QFcitxPlatformInputContext *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->cursorRectChanged(); break;
        case 1: _t->commitString((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1]))); break;
        case 2: _t->updateFormattedPreedit((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2]))); break;
        case 3: _t->deleteSurroundingText((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2]))); break;
        case 4: _t->forwardKey((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[3]))); break;
        case 5: _t->createInputContextFinished((*reinterpret_cast< std::add_pointer_t<QByteArray>>(_a[1]))); break;
        case 6: _t->cleanUp(); break;
        case 7: _t->windowDestroyed((*reinterpret_cast< std::add_pointer_t<QObject*>>(_a[1]))); break;
        case 8: _t->updateCurrentIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[3]))); break;
        case 9: _t->updateClientSideUI((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList>>(_a[5])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[6])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[7])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[8])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[9]))); break;
        case 10: _t->serverSideFocusOut(); break;
        case 11: { bool _r = _t->commitPreedit((*reinterpret_cast< std::add_pointer_t<QPointer<QObject>>>(_a[1])));
            if (_a[0]) *reinterpret_cast< bool*>(_a[0]) = std::move(_r); }  break;
        case 12: { bool _r = _t->commitPreedit();
            if (_a[0]) *reinterpret_cast< bool*>(_a[0]) = std::move(_r); }  break;
        case 13: _t->processKeyEventFinished((*reinterpret_cast< std::add_pointer_t<QDBusPendingCallWatcher*>>(_a[1]))); break;
        default: ;
        }
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        switch (_id) {
        default: *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType(); break;
        case 11:
            switch (*reinterpret_cast<int*>(_a[1])) {
            default: *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType(); break;
            case 0:
                *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType::fromType< QPointer<QObject> >(); break;
            }
            break;
        }
    }
}

const QMetaObject *fcitx::QFcitxPlatformInputContext::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::QFcitxPlatformInputContext::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__QFcitxPlatformInputContext.stringdata0))
        return static_cast<void*>(this);
    return QPlatformInputContext::qt_metacast(_clname);
}

int fcitx::QFcitxPlatformInputContext::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QPlatformInputContext::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 14)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 14;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 14)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 14;
    }
    return _id;
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
