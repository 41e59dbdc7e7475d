/****************************************************************************
** Meta object code from reading C++ file 'fcitxqtinputcontextproxyimpl.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "fcitxqtinputcontextproxyimpl.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'fcitxqtinputcontextproxyimpl.h' doesn't include <QObject>."
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
struct qt_meta_stringdata_fcitx__FcitxQtInputContextProxyImpl_t {
    uint offsetsAndSizes[128];
    char stringdata0[36];
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
    char stringdata14[5];
    char stringdata15[15];
    char stringdata16[19];
    char stringdata17[28];
    char stringdata18[8];
    char stringdata19[10];
    char stringdata20[6];
    char stringdata21[8];
    char stringdata22[26];
    char stringdata23[11];
    char stringdata24[15];
    char stringdata25[11];
    char stringdata26[8];
    char stringdata27[8];
    char stringdata28[23];
    char stringdata29[33];
    char stringdata30[8];
    char stringdata31[10];
    char stringdata32[20];
    char stringdata33[8];
    char stringdata34[9];
    char stringdata35[20];
    char stringdata36[13];
    char stringdata37[7];
    char stringdata38[7];
    char stringdata39[25];
    char stringdata40[24];
    char stringdata41[9];
    char stringdata42[9];
    char stringdata43[16];
    char stringdata44[8];
    char stringdata45[5];
    char stringdata46[6];
    char stringdata47[16];
    char stringdata48[6];
    char stringdata49[14];
    char stringdata50[5];
    char stringdata51[14];
    char stringdata52[2];
    char stringdata53[2];
    char stringdata54[2];
    char stringdata55[2];
    char stringdata56[16];
    char stringdata57[6];
    char stringdata58[23];
    char stringdata59[19];
    char stringdata60[5];
    char stringdata61[7];
    char stringdata62[27];
    char stringdata63[20];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__FcitxQtInputContextProxyImpl_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__FcitxQtInputContextProxyImpl_t qt_meta_stringdata_fcitx__FcitxQtInputContextProxyImpl = {
    {
        QT_MOC_LITERAL(0, 35),  // "fcitx::FcitxQtInputContextPro..."
        QT_MOC_LITERAL(36, 12),  // "CommitString"
        QT_MOC_LITERAL(49, 0),  // ""
        QT_MOC_LITERAL(50, 3),  // "str"
        QT_MOC_LITERAL(54, 9),  // "CurrentIM"
        QT_MOC_LITERAL(64, 4),  // "name"
        QT_MOC_LITERAL(69, 10),  // "uniqueName"
        QT_MOC_LITERAL(80, 8),  // "langCode"
        QT_MOC_LITERAL(89, 21),  // "DeleteSurroundingText"
        QT_MOC_LITERAL(111, 6),  // "offset"
        QT_MOC_LITERAL(118, 5),  // "nchar"
        QT_MOC_LITERAL(124, 10),  // "ForwardKey"
        QT_MOC_LITERAL(135, 6),  // "keyval"
        QT_MOC_LITERAL(142, 5),  // "state"
        QT_MOC_LITERAL(148, 4),  // "type"
        QT_MOC_LITERAL(153, 14),  // "NotifyFocusOut"
        QT_MOC_LITERAL(168, 18),  // "UpdateClientSideUI"
        QT_MOC_LITERAL(187, 27),  // "FcitxQtFormattedPreeditList"
        QT_MOC_LITERAL(215, 7),  // "preedit"
        QT_MOC_LITERAL(223, 9),  // "cursorpos"
        QT_MOC_LITERAL(233, 5),  // "auxUp"
        QT_MOC_LITERAL(239, 7),  // "auxDown"
        QT_MOC_LITERAL(247, 25),  // "FcitxQtStringKeyValueList"
        QT_MOC_LITERAL(273, 10),  // "candidates"
        QT_MOC_LITERAL(284, 14),  // "candidateIndex"
        QT_MOC_LITERAL(299, 10),  // "layoutHint"
        QT_MOC_LITERAL(310, 7),  // "hasPrev"
        QT_MOC_LITERAL(318, 7),  // "hasNext"
        QT_MOC_LITERAL(326, 22),  // "UpdateFormattedPreedit"
        QT_MOC_LITERAL(349, 32),  // "VirtualKeyboardVisibilityChanged"
        QT_MOC_LITERAL(382, 7),  // "visible"
        QT_MOC_LITERAL(390, 9),  // "DestroyIC"
        QT_MOC_LITERAL(400, 19),  // "QDBusPendingReply<>"
        QT_MOC_LITERAL(420, 7),  // "FocusIn"
        QT_MOC_LITERAL(428, 8),  // "FocusOut"
        QT_MOC_LITERAL(437, 19),  // "HideVirtualKeyboard"
        QT_MOC_LITERAL(457, 12),  // "InvokeAction"
        QT_MOC_LITERAL(470, 6),  // "action"
        QT_MOC_LITERAL(477, 6),  // "cursor"
        QT_MOC_LITERAL(484, 24),  // "IsVirtualKeyboardVisible"
        QT_MOC_LITERAL(509, 23),  // "QDBusPendingReply<bool>"
        QT_MOC_LITERAL(533, 8),  // "NextPage"
        QT_MOC_LITERAL(542, 8),  // "PrevPage"
        QT_MOC_LITERAL(551, 15),  // "ProcessKeyEvent"
        QT_MOC_LITERAL(567, 7),  // "keycode"
        QT_MOC_LITERAL(575, 4),  // "time"
        QT_MOC_LITERAL(580, 5),  // "Reset"
        QT_MOC_LITERAL(586, 15),  // "SelectCandidate"
        QT_MOC_LITERAL(602, 5),  // "index"
        QT_MOC_LITERAL(608, 13),  // "SetCapability"
        QT_MOC_LITERAL(622, 4),  // "caps"
        QT_MOC_LITERAL(627, 13),  // "SetCursorRect"
        QT_MOC_LITERAL(641, 1),  // "x"
        QT_MOC_LITERAL(643, 1),  // "y"
        QT_MOC_LITERAL(645, 1),  // "w"
        QT_MOC_LITERAL(647, 1),  // "h"
        QT_MOC_LITERAL(649, 15),  // "SetCursorRectV2"
        QT_MOC_LITERAL(665, 5),  // "scale"
        QT_MOC_LITERAL(671, 22),  // "SetSupportedCapability"
        QT_MOC_LITERAL(694, 18),  // "SetSurroundingText"
        QT_MOC_LITERAL(713, 4),  // "text"
        QT_MOC_LITERAL(718, 6),  // "anchor"
        QT_MOC_LITERAL(725, 26),  // "SetSurroundingTextPosition"
        QT_MOC_LITERAL(752, 19)   // "ShowVirtualKeyboard"
    },
    "fcitx::FcitxQtInputContextProxyImpl",
    "CommitString",
    "",
    "str",
    "CurrentIM",
    "name",
    "uniqueName",
    "langCode",
    "DeleteSurroundingText",
    "offset",
    "nchar",
    "ForwardKey",
    "keyval",
    "state",
    "type",
    "NotifyFocusOut",
    "UpdateClientSideUI",
    "FcitxQtFormattedPreeditList",
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
    "UpdateFormattedPreedit",
    "VirtualKeyboardVisibilityChanged",
    "visible",
    "DestroyIC",
    "QDBusPendingReply<>",
    "FocusIn",
    "FocusOut",
    "HideVirtualKeyboard",
    "InvokeAction",
    "action",
    "cursor",
    "IsVirtualKeyboardVisible",
    "QDBusPendingReply<bool>",
    "NextPage",
    "PrevPage",
    "ProcessKeyEvent",
    "keycode",
    "time",
    "Reset",
    "SelectCandidate",
    "index",
    "SetCapability",
    "caps",
    "SetCursorRect",
    "x",
    "y",
    "w",
    "h",
    "SetCursorRectV2",
    "scale",
    "SetSupportedCapability",
    "SetSurroundingText",
    "text",
    "anchor",
    "SetSurroundingTextPosition",
    "ShowVirtualKeyboard"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__FcitxQtInputContextProxyImpl[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
      26,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       8,       // signalCount

 // signals: name, argc, parameters, tag, flags, initial metatype offsets
       1,    1,  170,    2, 0x06,    1 /* Public */,
       4,    3,  173,    2, 0x06,    3 /* Public */,
       8,    2,  180,    2, 0x06,    7 /* Public */,
      11,    3,  185,    2, 0x06,   10 /* Public */,
      15,    0,  192,    2, 0x06,   14 /* Public */,
      16,    9,  193,    2, 0x06,   15 /* Public */,
      28,    2,  212,    2, 0x06,   25 /* Public */,
      29,    1,  217,    2, 0x06,   28 /* Public */,

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
      31,    0,  220,    2, 0x0a,   30 /* Public */,
      33,    0,  221,    2, 0x0a,   31 /* Public */,
      34,    0,  222,    2, 0x0a,   32 /* Public */,
      35,    0,  223,    2, 0x0a,   33 /* Public */,
      36,    2,  224,    2, 0x0a,   34 /* Public */,
      39,    0,  229,    2, 0x0a,   37 /* Public */,
      41,    0,  230,    2, 0x0a,   38 /* Public */,
      42,    0,  231,    2, 0x0a,   39 /* Public */,
      43,    5,  232,    2, 0x0a,   40 /* Public */,
      46,    0,  243,    2, 0x0a,   46 /* Public */,
      47,    1,  244,    2, 0x0a,   47 /* Public */,
      49,    1,  247,    2, 0x0a,   49 /* Public */,
      51,    4,  250,    2, 0x0a,   51 /* Public */,
      56,    5,  259,    2, 0x0a,   56 /* Public */,
      58,    1,  270,    2, 0x0a,   62 /* Public */,
      59,    3,  273,    2, 0x0a,   64 /* Public */,
      62,    2,  280,    2, 0x0a,   68 /* Public */,
      63,    0,  285,    2, 0x0a,   71 /* Public */,

 // signals: parameters
    QMetaType::Void, QMetaType::QString,    3,
    QMetaType::Void, QMetaType::QString, QMetaType::QString, QMetaType::QString,    5,    6,    7,
    QMetaType::Void, QMetaType::Int, QMetaType::UInt,    9,   10,
    QMetaType::Void, QMetaType::UInt, QMetaType::UInt, QMetaType::Bool,   12,   13,   14,
    QMetaType::Void,
    QMetaType::Void, 0x80000000 | 17, QMetaType::Int, 0x80000000 | 17, 0x80000000 | 17, 0x80000000 | 22, QMetaType::Int, QMetaType::Int, QMetaType::Bool, QMetaType::Bool,   18,   19,   20,   21,   23,   24,   25,   26,   27,
    QMetaType::Void, 0x80000000 | 17, QMetaType::Int,    3,   19,
    QMetaType::Void, QMetaType::Bool,   30,

 // slots: parameters
    0x80000000 | 32,
    0x80000000 | 32,
    0x80000000 | 32,
    0x80000000 | 32,
    0x80000000 | 32, QMetaType::UInt, QMetaType::Int,   37,   38,
    0x80000000 | 40,
    0x80000000 | 32,
    0x80000000 | 32,
    0x80000000 | 40, QMetaType::UInt, QMetaType::UInt, QMetaType::UInt, QMetaType::Bool, QMetaType::UInt,   12,   44,   13,   14,   45,
    0x80000000 | 32,
    0x80000000 | 32, QMetaType::Int,   48,
    0x80000000 | 32, QMetaType::ULongLong,   50,
    0x80000000 | 32, QMetaType::Int, QMetaType::Int, QMetaType::Int, QMetaType::Int,   52,   53,   54,   55,
    0x80000000 | 32, QMetaType::Int, QMetaType::Int, QMetaType::Int, QMetaType::Int, QMetaType::Double,   52,   53,   54,   55,   57,
    0x80000000 | 32, QMetaType::ULongLong,   50,
    0x80000000 | 32, QMetaType::QString, QMetaType::UInt, QMetaType::UInt,   60,   38,   61,
    0x80000000 | 32, QMetaType::UInt, QMetaType::UInt,   38,   61,
    0x80000000 | 32,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::FcitxQtInputContextProxyImpl::staticMetaObject = { {
    QMetaObject::SuperData::link<QDBusAbstractInterface::staticMetaObject>(),
    qt_meta_stringdata_fcitx__FcitxQtInputContextProxyImpl.offsetsAndSizes,
    qt_meta_data_fcitx__FcitxQtInputContextProxyImpl,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__FcitxQtInputContextProxyImpl_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<FcitxQtInputContextProxyImpl, std::true_type>,
        // method 'CommitString'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'CurrentIM'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'DeleteSurroundingText'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'ForwardKey'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'NotifyFocusOut'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'UpdateClientSideUI'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtFormattedPreeditList, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtFormattedPreeditList, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtFormattedPreeditList, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtStringKeyValueList, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'UpdateFormattedPreedit'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtFormattedPreeditList, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'VirtualKeyboardVisibilityChanged'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'DestroyIC'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'FocusIn'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'FocusOut'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'HideVirtualKeyboard'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'InvokeAction'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'IsVirtualKeyboardVisible'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<bool>, std::false_type>,
        // method 'NextPage'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'PrevPage'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'ProcessKeyEvent'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<bool>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'Reset'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'SelectCandidate'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'SetCapability'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<qulonglong, std::false_type>,
        // method 'SetCursorRect'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'SetCursorRectV2'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<double, std::false_type>,
        // method 'SetSupportedCapability'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<qulonglong, std::false_type>,
        // method 'SetSurroundingText'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'SetSurroundingTextPosition'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'ShowVirtualKeyboard'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>
    >,
    nullptr
} };

void fcitx::FcitxQtInputContextProxyImpl::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<FcitxQtInputContextProxyImpl *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->CommitString((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1]))); break;
        case 1: _t->CurrentIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[3]))); break;
        case 2: _t->DeleteSurroundingText((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2]))); break;
        case 3: _t->ForwardKey((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[3]))); break;
        case 4: _t->NotifyFocusOut(); break;
        case 5: _t->UpdateClientSideUI((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList>>(_a[5])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[6])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[7])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[8])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[9]))); break;
        case 6: _t->UpdateFormattedPreedit((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2]))); break;
        case 7: _t->VirtualKeyboardVisibilityChanged((*reinterpret_cast< std::add_pointer_t<bool>>(_a[1]))); break;
        case 8: { QDBusPendingReply<> _r = _t->DestroyIC();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 9: { QDBusPendingReply<> _r = _t->FocusIn();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 10: { QDBusPendingReply<> _r = _t->FocusOut();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 11: { QDBusPendingReply<> _r = _t->HideVirtualKeyboard();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 12: { QDBusPendingReply<> _r = _t->InvokeAction((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 13: { QDBusPendingReply<bool> _r = _t->IsVirtualKeyboardVisible();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<bool>*>(_a[0]) = std::move(_r); }  break;
        case 14: { QDBusPendingReply<> _r = _t->NextPage();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 15: { QDBusPendingReply<> _r = _t->PrevPage();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 16: { QDBusPendingReply<bool> _r = _t->ProcessKeyEvent((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[5])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<bool>*>(_a[0]) = std::move(_r); }  break;
        case 17: { QDBusPendingReply<> _r = _t->Reset();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 18: { QDBusPendingReply<> _r = _t->SelectCandidate((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 19: { QDBusPendingReply<> _r = _t->SetCapability((*reinterpret_cast< std::add_pointer_t<qulonglong>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 20: { QDBusPendingReply<> _r = _t->SetCursorRect((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[4])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 21: { QDBusPendingReply<> _r = _t->SetCursorRectV2((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<double>>(_a[5])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 22: { QDBusPendingReply<> _r = _t->SetSupportedCapability((*reinterpret_cast< std::add_pointer_t<qulonglong>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 23: { QDBusPendingReply<> _r = _t->SetSurroundingText((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[3])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 24: { QDBusPendingReply<> _r = _t->SetSurroundingTextPosition((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 25: { QDBusPendingReply<> _r = _t->ShowVirtualKeyboard();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        default: ;
        }
    } else if (_c == QMetaObject::IndexOfMethod) {
        int *result = reinterpret_cast<int *>(_a[0]);
        {
            using _t = void (FcitxQtInputContextProxyImpl::*)(const QString & );
            if (_t _q_method = &FcitxQtInputContextProxyImpl::CommitString; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 0;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxyImpl::*)(const QString & , const QString & , const QString & );
            if (_t _q_method = &FcitxQtInputContextProxyImpl::CurrentIM; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 1;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxyImpl::*)(int , unsigned int );
            if (_t _q_method = &FcitxQtInputContextProxyImpl::DeleteSurroundingText; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 2;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxyImpl::*)(unsigned int , unsigned int , bool );
            if (_t _q_method = &FcitxQtInputContextProxyImpl::ForwardKey; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 3;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxyImpl::*)();
            if (_t _q_method = &FcitxQtInputContextProxyImpl::NotifyFocusOut; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 4;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxyImpl::*)(FcitxQtFormattedPreeditList , int , FcitxQtFormattedPreeditList , FcitxQtFormattedPreeditList , FcitxQtStringKeyValueList , int , int , bool , bool );
            if (_t _q_method = &FcitxQtInputContextProxyImpl::UpdateClientSideUI; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 5;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxyImpl::*)(FcitxQtFormattedPreeditList , int );
            if (_t _q_method = &FcitxQtInputContextProxyImpl::UpdateFormattedPreedit; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 6;
                return;
            }
        }
        {
            using _t = void (FcitxQtInputContextProxyImpl::*)(bool );
            if (_t _q_method = &FcitxQtInputContextProxyImpl::VirtualKeyboardVisibilityChanged; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 7;
                return;
            }
        }
    }
}

const QMetaObject *fcitx::FcitxQtInputContextProxyImpl::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::FcitxQtInputContextProxyImpl::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__FcitxQtInputContextProxyImpl.stringdata0))
        return static_cast<void*>(this);
    return QDBusAbstractInterface::qt_metacast(_clname);
}

int fcitx::FcitxQtInputContextProxyImpl::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QDBusAbstractInterface::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 26)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 26;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 26)
            *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType();
        _id -= 26;
    }
    return _id;
}

// SIGNAL 0
void fcitx::FcitxQtInputContextProxyImpl::CommitString(const QString & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 0, _a);
}

// SIGNAL 1
void fcitx::FcitxQtInputContextProxyImpl::CurrentIM(const QString & _t1, const QString & _t2, const QString & _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 1, _a);
}

// SIGNAL 2
void fcitx::FcitxQtInputContextProxyImpl::DeleteSurroundingText(int _t1, unsigned int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 2, _a);
}

// SIGNAL 3
void fcitx::FcitxQtInputContextProxyImpl::ForwardKey(unsigned int _t1, unsigned int _t2, bool _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 3, _a);
}

// SIGNAL 4
void fcitx::FcitxQtInputContextProxyImpl::NotifyFocusOut()
{
    QMetaObject::activate(this, &staticMetaObject, 4, nullptr);
}

// SIGNAL 5
void fcitx::FcitxQtInputContextProxyImpl::UpdateClientSideUI(FcitxQtFormattedPreeditList _t1, int _t2, FcitxQtFormattedPreeditList _t3, FcitxQtFormattedPreeditList _t4, FcitxQtStringKeyValueList _t5, int _t6, int _t7, bool _t8, bool _t9)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t4))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t5))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t6))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t7))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t8))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t9))) };
    QMetaObject::activate(this, &staticMetaObject, 5, _a);
}

// SIGNAL 6
void fcitx::FcitxQtInputContextProxyImpl::UpdateFormattedPreedit(FcitxQtFormattedPreeditList _t1, int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 6, _a);
}

// SIGNAL 7
void fcitx::FcitxQtInputContextProxyImpl::VirtualKeyboardVisibilityChanged(bool _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 7, _a);
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
