/****************************************************************************
** Meta object code from reading C++ file 'fcitxqtinputcontextproxy.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "fcitxqtinputcontextproxy.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'fcitxqtinputcontextproxy.h' doesn't include <QObject>."
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
struct qt_meta_stringdata_fcitx__FcitxQtInputContextProxy_t {
    uint offsetsAndSizes[136];
    char stringdata0[32];
    char stringdata1[13];
    char stringdata2[1];
    char stringdata3[4];
    char stringdata4[10];
    char stringdata5[5];
    char stringdata6[11];
    char stringdata7[9];
    char stringdata8[22];
    char stringdata9[7];
    char stringdata10[6];
    char stringdata11[11];
    char stringdata12[7];
    char stringdata13[6];
    char stringdata14[10];
    char stringdata15[23];
    char stringdata16[28];
    char stringdata17[10];
    char stringdata18[19];
    char stringdata19[8];
    char stringdata20[6];
    char stringdata21[8];
    char stringdata22[26];
    char stringdata23[11];
    char stringdata24[15];
    char stringdata25[11];
    char stringdata26[8];
    char stringdata27[8];
    char stringdata28[20];
    char stringdata29[5];
    char stringdata30[27];
    char stringdata31[15];
    char stringdata32[33];
    char stringdata33[8];
    char stringdata34[8];
    char stringdata35[20];
    char stringdata36[9];
    char stringdata37[20];
    char stringdata38[16];
    char stringdata39[24];
    char stringdata40[8];
    char stringdata41[5];
    char stringdata42[5];
    char stringdata43[6];
    char stringdata44[23];
    char stringdata45[5];
    char stringdata46[14];
    char stringdata47[14];
    char stringdata48[2];
    char stringdata49[2];
    char stringdata50[2];
    char stringdata51[2];
    char stringdata52[16];
    char stringdata53[6];
    char stringdata54[19];
    char stringdata55[5];
    char stringdata56[7];
    char stringdata57[7];
    char stringdata58[27];
    char stringdata59[20];
    char stringdata60[9];
    char stringdata61[9];
    char stringdata62[16];
    char stringdata63[2];
    char stringdata64[13];
    char stringdata65[7];
    char stringdata66[25];
    char stringdata67[20];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__FcitxQtInputContextProxy_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__FcitxQtInputContextProxy_t qt_meta_stringdata_fcitx__FcitxQtInputContextProxy = {
    {
        QT_MOC_LITERAL(0, 31),  // "fcitx::FcitxQtInputContextProxy"
        QT_MOC_LITERAL(32, 12),  // "commitString"
        QT_MOC_LITERAL(45, 0),  // ""
        QT_MOC_LITERAL(46, 3),  // "str"
        QT_MOC_LITERAL(50, 9),  // "currentIM"
        QT_MOC_LITERAL(60, 4),  // "name"
        QT_MOC_LITERAL(65, 10),  // "uniqueName"
        QT_MOC_LITERAL(76, 8),  // "langCode"
        QT_MOC_LITERAL(85, 21),  // "deleteSurroundingText"
        QT_MOC_LITERAL(107, 6),  // "offset"
        QT_MOC_LITERAL(114, 5),  // "nchar"
        QT_MOC_LITERAL(120, 10),  // "forwardKey"
        QT_MOC_LITERAL(131, 6),  // "keyval"
        QT_MOC_LITERAL(138, 5),  // "state"
        QT_MOC_LITERAL(144, 9),  // "isRelease"
        QT_MOC_LITERAL(154, 22),  // "updateFormattedPreedit"
        QT_MOC_LITERAL(177, 27),  // "FcitxQtFormattedPreeditList"
        QT_MOC_LITERAL(205, 9),  // "cursorpos"
        QT_MOC_LITERAL(215, 18),  // "updateClientSideUI"
        QT_MOC_LITERAL(234, 7),  // "preedit"
        QT_MOC_LITERAL(242, 5),  // "auxUp"
        QT_MOC_LITERAL(248, 7),  // "auxDown"
        QT_MOC_LITERAL(256, 25),  // "FcitxQtStringKeyValueList"
        QT_MOC_LITERAL(282, 10),  // "candidates"
        QT_MOC_LITERAL(293, 14),  // "candidateIndex"
        QT_MOC_LITERAL(308, 10),  // "layoutHint"
        QT_MOC_LITERAL(319, 7),  // "hasPrev"
        QT_MOC_LITERAL(327, 7),  // "hasNext"
        QT_MOC_LITERAL(335, 19),  // "inputContextCreated"
        QT_MOC_LITERAL(355, 4),  // "uuid"
        QT_MOC_LITERAL(360, 26),  // "inputContextCreationFailed"
        QT_MOC_LITERAL(387, 14),  // "notifyFocusOut"
        QT_MOC_LITERAL(402, 32),  // "virtualKeyboardVisibilityChanged"
        QT_MOC_LITERAL(435, 7),  // "visible"
        QT_MOC_LITERAL(443, 7),  // "focusIn"
        QT_MOC_LITERAL(451, 19),  // "QDBusPendingReply<>"
        QT_MOC_LITERAL(471, 8),  // "focusOut"
        QT_MOC_LITERAL(480, 19),  // "hideVirtualKeyboard"
        QT_MOC_LITERAL(500, 15),  // "processKeyEvent"
        QT_MOC_LITERAL(516, 23),  // "QDBusPendingReply<bool>"
        QT_MOC_LITERAL(540, 7),  // "keycode"
        QT_MOC_LITERAL(548, 4),  // "type"
        QT_MOC_LITERAL(553, 4),  // "time"
        QT_MOC_LITERAL(558, 5),  // "reset"
        QT_MOC_LITERAL(564, 22),  // "setSupportedCapability"
        QT_MOC_LITERAL(587, 4),  // "caps"
        QT_MOC_LITERAL(592, 13),  // "setCapability"
        QT_MOC_LITERAL(606, 13),  // "setCursorRect"
        QT_MOC_LITERAL(620, 1),  // "x"
        QT_MOC_LITERAL(622, 1),  // "y"
        QT_MOC_LITERAL(624, 1),  // "w"
        QT_MOC_LITERAL(626, 1),  // "h"
        QT_MOC_LITERAL(628, 15),  // "setCursorRectV2"
        QT_MOC_LITERAL(644, 5),  // "scale"
        QT_MOC_LITERAL(650, 18),  // "setSurroundingText"
        QT_MOC_LITERAL(669, 4),  // "text"
        QT_MOC_LITERAL(674, 6),  // "cursor"
        QT_MOC_LITERAL(681, 6),  // "anchor"
        QT_MOC_LITERAL(688, 26),  // "setSurroundingTextPosition"
        QT_MOC_LITERAL(715, 19),  // "showVirtualKeyboard"
        QT_MOC_LITERAL(735, 8),  // "prevPage"
        QT_MOC_LITERAL(744, 8),  // "nextPage"
        QT_MOC_LITERAL(753, 15),  // "selectCandidate"
        QT_MOC_LITERAL(769, 1),  // "i"
        QT_MOC_LITERAL(771, 12),  // "invokeAction"
        QT_MOC_LITERAL(784, 6),  // "action"
        QT_MOC_LITERAL(791, 24),  // "isVirtualKeyboardVisible"
        QT_MOC_LITERAL(816, 19)   // "supportInvokeAction"
    },
    "fcitx::FcitxQtInputContextProxy",
    "commitString",
    "",
    "str",
    "currentIM",
    "name",
    "uniqueName",
    "langCode",
    "deleteSurroundingText",
    "offset",
    "nchar",
    "forwardKey",
    "keyval",
    "state",
    "isRelease",
    "updateFormattedPreedit",
    "FcitxQtFormattedPreeditList",
    "cursorpos",
    "updateClientSideUI",
    "preedit",
    "auxUp",
    "auxDown",
    "FcitxQtStringKeyValueList",
    "candidates",
    "candidateIndex",
    "layoutHint",
    "hasPrev",
    "hasNext",
    "inputContextCreated",
    "uuid",
    "inputContextCreationFailed",
    "notifyFocusOut",
    "virtualKeyboardVisibilityChanged",
    "visible",
    "focusIn",
    "QDBusPendingReply<>",
    "focusOut",
    "hideVirtualKeyboard",
    "processKeyEvent",
    "QDBusPendingReply<bool>",
    "keycode",
    "type",
    "time",
    "reset",
    "setSupportedCapability",
    "caps",
    "setCapability",
    "setCursorRect",
    "x",
    "y",
    "w",
    "h",
    "setCursorRectV2",
    "scale",
    "setSurroundingText",
    "text",
    "cursor",
    "anchor",
    "setSurroundingTextPosition",
    "showVirtualKeyboard",
    "prevPage",
    "nextPage",
    "selectCandidate",
    "i",
    "invokeAction",
    "action",
    "isVirtualKeyboardVisible",
    "supportInvokeAction"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__FcitxQtInputContextProxy[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
      28,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
      10,       // signalCount

 // signals: name, argc, parameters, tag, flags, initial metatype offsets
       1,    1,  182,    2, 0x06,    1 /* Public */,
       4,    3,  185,    2, 0x06,    3 /* Public */,
       8,    2,  192,    2, 0x06,    7 /* Public */,
      11,    3,  197,    2, 0x06,   10 /* Public */,
      15,    2,  204,    2, 0x06,   14 /* Public */,
      18,    9,  209,    2, 0x06,   17 /* Public */,
      28,    1,  228,    2, 0x06,   27 /* Public */,
      30,    0,  231,    2, 0x06,   29 /* Public */,
      31,    0,  232,    2, 0x06,   30 /* Public */,
      32,    1,  233,    2, 0x06,   31 /* Public */,

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
      34,    0,  236,    2, 0x0a,   33 /* Public */,
      36,    0,  237,    2, 0x0a,   34 /* Public */,
      37,    0,  238,    2, 0x0a,   35 /* Public */,
      38,    5,  239,    2, 0x0a,   36 /* Public */,
      43,    0,  250,    2, 0x0a,   42 /* Public */,
      44,    1,  251,    2, 0x0a,   43 /* Public */,
      46,    1,  254,    2, 0x0a,   45 /* Public */,
      47,    4,  257,    2, 0x0a,   47 /* Public */,
      52,    5,  266,    2, 0x0a,   52 /* Public */,
      54,    3,  277,    2, 0x0a,   58 /* Public */,
      58,    2,  284,    2, 0x0a,   62 /* Public */,
      59,    0,  289,    2, 0x0a,   65 /* Public */,
      60,    0,  290,    2, 0x0a,   66 /* Public */,
      61,    0,  291,    2, 0x0a,   67 /* Public */,
      62,    1,  292,    2, 0x0a,   68 /* Public */,
      64,    2,  295,    2, 0x0a,   70 /* Public */,
      66,    0,  300,    2, 0x0a,   73 /* Public */,
      67,    0,  301,    2, 0x10a,   74 /* Public | MethodIsConst  */,

 // signals: parameters
    QMetaType::Void, QMetaType::QString,    3,
    QMetaType::Void, QMetaType::QString, QMetaType::QString, QMetaType::QString,    5,    6,    7,
    QMetaType::Void, QMetaType::Int, QMetaType::UInt,    9,   10,
    QMetaType::Void, QMetaType::UInt, QMetaType::UInt, QMetaType::Bool,   12,   13,   14,
    QMetaType::Void, 0x80000000 | 16, QMetaType::Int,    3,   17,
    QMetaType::Void, 0x80000000 | 16, QMetaType::Int, 0x80000000 | 16, 0x80000000 | 16, 0x80000000 | 22, QMetaType::Int, QMetaType::Int, QMetaType::Bool, QMetaType::Bool,   19,   17,   20,   21,   23,   24,   25,   26,   27,
    QMetaType::Void, QMetaType::QByteArray,   29,
    QMetaType::Void,
    QMetaType::Void,
    QMetaType::Void, QMetaType::Bool,   33,

 // slots: parameters
    0x80000000 | 35,
    0x80000000 | 35,
    0x80000000 | 35,
    0x80000000 | 39, QMetaType::UInt, QMetaType::UInt, QMetaType::UInt, QMetaType::Bool, QMetaType::UInt,   12,   40,   13,   41,   42,
    0x80000000 | 35,
    0x80000000 | 35, QMetaType::ULongLong,   45,
    0x80000000 | 35, QMetaType::ULongLong,   45,
    0x80000000 | 35, QMetaType::Int, QMetaType::Int, QMetaType::Int, QMetaType::Int,   48,   49,   50,   51,
    0x80000000 | 35, QMetaType::Int, QMetaType::Int, QMetaType::Int, QMetaType::Int, QMetaType::Double,   48,   49,   50,   51,   53,
    0x80000000 | 35, QMetaType::QString, QMetaType::UInt, QMetaType::UInt,   55,   56,   57,
    0x80000000 | 35, QMetaType::UInt, QMetaType::UInt,   56,   57,
    0x80000000 | 35,
    0x80000000 | 35,
    0x80000000 | 35,
    0x80000000 | 35, QMetaType::Int,   63,
    0x80000000 | 35, QMetaType::UInt, QMetaType::Int,   65,   56,
    QMetaType::Bool,
    QMetaType::Bool,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::FcitxQtInputContextProxy::staticMetaObject = { {
    QMetaObject::SuperData::link<QObject::staticMetaObject>(),
    qt_meta_stringdata_fcitx__FcitxQtInputContextProxy.offsetsAndSizes,
    qt_meta_data_fcitx__FcitxQtInputContextProxy,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__FcitxQtInputContextProxy_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<FcitxQtInputContextProxy, std::true_type>,
        // method 'commitString'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'currentIM'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'deleteSurroundingText'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'forwardKey'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'updateFormattedPreedit'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
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
        // method 'inputContextCreated'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QByteArray &, std::false_type>,
        // method 'inputContextCreationFailed'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'notifyFocusOut'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'virtualKeyboardVisibilityChanged'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'focusIn'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'focusOut'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'hideVirtualKeyboard'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'processKeyEvent'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<bool>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'reset'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'setSupportedCapability'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<qulonglong, std::false_type>,
        // method 'setCapability'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<qulonglong, std::false_type>,
        // method 'setCursorRect'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'setCursorRectV2'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<double, std::false_type>,
        // method 'setSurroundingText'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'setSurroundingTextPosition'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'showVirtualKeyboard'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'prevPage'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'nextPage'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'selectCandidate'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'invokeAction'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'isVirtualKeyboardVisible'
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'supportInvokeAction'
        QtPrivate::TypeAndForceComplete<bool, std::false_type>
    >,
    nullptr
} };

void fcitx::FcitxQtInputContextProxy::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<FcitxQtInputContextProxy *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->commitString((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1]))); break;
        case 1: _t->currentIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[3]))); break;
        case 2: _t->deleteSurroundingText((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2]))); break;
        case 3: _t->forwardKey((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[3]))); break;
        case 4: _t->updateFormattedPreedit((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2]))); break;
        case 5: _t->updateClientSideUI((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList>>(_a[5])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[6])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[7])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[8])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[9]))); break;
        case 6: _t->inputContextCreated((*reinterpret_cast< std::add_pointer_t<QByteArray>>(_a[1]))); break;
        case 7: _t->inputContextCreationFailed(); break;
        case 8: _t->notifyFocusOut(); break;
        case 9: _t->virtualKeyboardVisibilityChanged((*reinterpret_cast< std::add_pointer_t<bool>>(_a[1]))); break;
        case 10: { QDBusPendingReply<> _r = _t->focusIn();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 11: { QDBusPendingReply<> _r = _t->focusOut();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 12: { QDBusPendingReply<> _r = _t->hideVirtualKeyboard();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 13: { QDBusPendingReply<bool> _r = _t->processKeyEvent((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[5])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<bool>*>(_a[0]) = std::move(_r); }  break;
        case 14: { QDBusPendingReply<> _r = _t->reset();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 15: { QDBusPendingReply<> _r = _t->setSupportedCapability((*reinterpret_cast< std::add_pointer_t<qulonglong>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 16: { QDBusPendingReply<> _r = _t->setCapability((*reinterpret_cast< std::add_pointer_t<qulonglong>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 17: { QDBusPendingReply<> _r = _t->setCursorRect((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[4])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 18: { QDBusPendingReply<> _r = _t->setCursorRectV2((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<double>>(_a[5])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 19: { QDBusPendingReply<> _r = _t->setSurroundingText((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[3])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 20: { QDBusPendingReply<> _r = _t->setSurroundingTextPosition((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 21: { QDBusPendingReply<> _r = _t->showVirtualKeyboard();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 22: { QDBusPendingReply<> _r = _t->prevPage();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 23: { QDBusPendingReply<> _r = _t->nextPage();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 24: { QDBusPendingReply<> _r = _t->selectCandidate((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 25: { QDBusPendingReply<> _r = _t->invokeAction((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 26: { bool _r = _t->isVirtualKeyboardVisible();
            if (_a[0]) *reinterpret_cast< bool*>(_a[0]) = std::move(_r); }  break;
        case 27: { bool _r = _t->supportInvokeAction();
            if (_a[0]) *reinterpret_cast< bool*>(_a[0]) = std::move(_r); }  break;
        default: ;
        }
    } else if (_c == QMetaObject::IndexOfMethod) {
        int *result = reinterpret_cast<int *>(_a[0]);
        {
            using _t = void (FcitxQtInputContextProxy::*)(const QString & );
            if (_t _q_method = &FcitxQtInputContextProxy::commitString; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 0;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)(const QString & , const QString & , const QString & );
            if (_t _q_method = &FcitxQtInputContextProxy::currentIM; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 1;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)(int , unsigned int );
            if (_t _q_method = &FcitxQtInputContextProxy::deleteSurroundingText; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 2;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)(unsigned int , unsigned int , bool );
            if (_t _q_method = &FcitxQtInputContextProxy::forwardKey; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 3;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)(const FcitxQtFormattedPreeditList & , int );
            if (_t _q_method = &FcitxQtInputContextProxy::updateFormattedPreedit; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 4;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)(const FcitxQtFormattedPreeditList & , int , const FcitxQtFormattedPreeditList & , const FcitxQtFormattedPreeditList & , const FcitxQtStringKeyValueList & , int , int , bool , bool );
            if (_t _q_method = &FcitxQtInputContextProxy::updateClientSideUI; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 5;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)(const QByteArray & );
            if (_t _q_method = &FcitxQtInputContextProxy::inputContextCreated; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 6;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)();
            if (_t _q_method = &FcitxQtInputContextProxy::inputContextCreationFailed; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 7;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)();
            if (_t _q_method = &FcitxQtInputContextProxy::notifyFocusOut; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 8;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxy::*)(bool );
            if (_t _q_method = &FcitxQtInputContextProxy::virtualKeyboardVisibilityChanged; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 9;
                return;
            }
        }
    }
}

const QMetaObject *fcitx::FcitxQtInputContextProxy::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::FcitxQtInputContextProxy::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__FcitxQtInputContextProxy.stringdata0))
        return static_cast<void*>(this);
    return QObject::qt_metacast(_clname);
}

int fcitx::FcitxQtInputContextProxy::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QObject::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 28)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 28;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 28)
            *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType();
        _id -= 28;
    }
    return _id;
}

// SIGNAL 0
void fcitx::FcitxQtInputContextProxy::commitString(const QString & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 0, _a);
}

// SIGNAL 1
void fcitx::FcitxQtInputContextProxy::currentIM(const QString & _t1, const QString & _t2, const QString & _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 1, _a);
}

// SIGNAL 2
void fcitx::FcitxQtInputContextProxy::deleteSurroundingText(int _t1, unsigned int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 2, _a);
}

// SIGNAL 3
void fcitx::FcitxQtInputContextProxy::forwardKey(unsigned int _t1, unsigned int _t2, bool _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 3, _a);
}

// SIGNAL 4
void fcitx::FcitxQtInputContextProxy::updateFormattedPreedit(const FcitxQtFormattedPreeditList & _t1, int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 4, _a);
}

// SIGNAL 5
void fcitx::FcitxQtInputContextProxy::updateClientSideUI(const FcitxQtFormattedPreeditList & _t1, int _t2, const FcitxQtFormattedPreeditList & _t3, const FcitxQtFormattedPreeditList & _t4, const FcitxQtStringKeyValueList & _t5, int _t6, int _t7, bool _t8, bool _t9)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t4))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t5))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t6))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t7))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t8))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t9))) };
    QMetaObject::activate(this, &staticMetaObject, 5, _a);
}

// SIGNAL 6
void fcitx::FcitxQtInputContextProxy::inputContextCreated(const QByteArray & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 6, _a);
}

// SIGNAL 7
void fcitx::FcitxQtInputContextProxy::inputContextCreationFailed()
{
    QMetaObject::activate(this, &staticMetaObject, 7, nullptr);
}

// SIGNAL 8
void fcitx::FcitxQtInputContextProxy::notifyFocusOut()
{
    QMetaObject::activate(this, &staticMetaObject, 8, nullptr);
}

// SIGNAL 9
void fcitx::FcitxQtInputContextProxy::virtualKeyboardVisibilityChanged(bool _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 9, _a);
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
