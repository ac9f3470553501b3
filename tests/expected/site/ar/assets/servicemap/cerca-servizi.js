window.SERVICEMAP_SERVICES = {
  "campi": {
    "s": [
      "id",
      "nome",
      "tipo",
      "aree",
      "comune",
      "comuni_serviti",
      "lingue",
      "indirizzo",
      "orari",
      "flag_orari",
      "chiusure",
      "posizione",
      "testo",
      "italiano"
    ],
    "posizione": ["lat", "lon", "precisione"],
    "tipi": ["chiave", "etichetta", "parole"],
    "aree": ["chiave", "etichetta", "parole"],
    "comuni": ["chiave", "nome"],
    "lingue": ["codice", "etichetta", "nome_proprio", "nome", "nome_italiano"]
  },
  "tipi": [
    [
      "sportello",
      "مكتب المساعدة",
      "مساعده مكتب المساعده معلومات استشاره ارشاد الي من اتوجه segretariato sociale sportello sociale aiuto informazioni orientamento a chi rivolgersi sportello di aiuto"
    ],
    [
      "centro-ascolto",
      "مركز الاستماع",
      "استماع متطوعون التحدث مع شخص الوحده كنيسه رعيه caritas ascolto volontari parlare con qualcuno solitudine parrocchia centro di ascolto"
    ],
    [
      "hub-digitale",
      "مركز المساعدة الرقمية",
      "الهويه الرقميه بطاقه الهويه الالكترونيه طلب عبر الانترنت كمبيوتر هاتف ذكي انترنت بريد الكتروني الملف الصحي الالكتروني spid cie carta d'identita elettronica domanda online pec app io computer smartphone internet fascicolo sanitario pagopa hub di facilitazione digitale"
    ],
    [
      "patronato",
      "مكتب المساعدة في المعاملات (باتروناتو)",
      "معاش تقاعد تعويض البطاله اعانه الاطفال اعاقه الاقرار الضريبي معاملات pensione naspi assegno unico invalidita inps isee caf 730 dichiarazione dei redditi disoccupazione patronato"
    ]
  ],
  "aree": [
    [
      "poverta",
      "الفقر والصعوبات المالية",
      "فواتير كهرباء غاز سله غذاييه بنك الطعام طعام ديون دخل مال مساعده ماليه bollette luce gas pacco alimentare spesa cibo banco alimentare emporio solidale debiti isee reddito assegno di inclusione contributo economico soldi poverta e difficolta economiche"
    ],
    [
      "lavoro",
      "العمل",
      "عمل وظيفه البحث عن عمل سيره ذاتيه بطاله مقابله عمل عروض عمل تدريب دوره تكوينيه curriculum cv disoccupazione naspi colloquio offerte di lavoro tirocinio formazione centro per l'impiego lavoro"
    ],
    [
      "famiglia",
      "الأسرة",
      "اباء اطفال اولاد منحه عايليه اعانه الاطفال انفصال طلاق حضانه امهات genitori figli bonus assegno unico separazione asilo nido mamme papa famiglia"
    ],
    [
      "anziani",
      "كبار السن",
      "كبار السن مسنون مرافق دار رعايه المسنين رفقه متقاعدون رعايه منزليه badante rsa compagnia pensionati assistenza domiciliare telesoccorso anziani"
    ],
    [
      "digitale",
      "الخدمات الرقمية",
      "الهويه الرقميه بطاقه الهويه الالكترونيه طلب عبر الانترنت كمبيوتر هاتف ذكي انترنت بريد الكتروني دفع عبر الانترنت spid cie carta d'identita elettronica domanda online pec app io computer smartphone internet e-mail fascicolo sanitario pagopa servizi digitali"
    ]
  ],
  "comuni": [["pioltello", "Pioltello"], ["segrate", "Segrate"], ["vimodrone", "Vimodrone"]],
  "lingue": [
    ["en", "الإنجليزية (English)", "English", "الإنجليزية", "inglese"],
    ["it", "الإيطالية (italiano)", "italiano", "الإيطالية", "italiano"],
    ["zh", "الصينية (中文)", "中文", "الصينية", "cinese"],
    ["ar", "العربية", "العربية", "العربية", "arabo"]
  ],
  "s": [
    [
      "patronato-segrate",
      "Patronato Segrate",
      [3],
      [1, 3],
      1,
      [],
      [],
      "Via Roma 3, 20054 Segrate (MI)",
      "",
      2,
      [],
      [45.49, 9.295, 0],
      "patronato segrate patronato di prova pratiche di pensione, invalidita e disoccupazione, su appuntamento. via roma 3",
      1
    ],
    [
      "sportello-vimodrone",
      "Sportello di Vimodrone",
      [0],
      [],
      2,
      [],
      [],
      "Via Inesistente 99, Vimodrone",
      "",
      0,
      [],
      [45.51515, 9.28694, 2],
      "sportello di vimodrone comune di vimodrone sportello di accoglienza e orientamento. via inesistente 99",
      1
    ],
    [
      "centro-ascolto-pioltello",
      "مركز الاستماع سان جورجو",
      [1, 2],
      [0, 2, 4],
      0,
      [1],
      [1, 0, 3, 2],
      "Via San Francesco 12, 20096 Pioltello (MI)",
      "09:00-12:00||09:00-12:00,15:00-18:00||15:00-18:00||",
      0,
      [["2026-08-01", "2026-08-31", "Chiuso per ferie"]],
      [45.499, 9.327, 1],
      "مركز الاستماع سان جورجو associazione san giorgio استقبال واصغاء وتوجيه ومرافقه نحو خدمات المنطقه؛ ومساعده في تقديم الطلبات عبر الانترنت ومعرفه الوثايق المطلوبه. الاشخاص والعايلات في ضايقه via san francesco 12 الاستقبال الاستماع التوجيه المساعده الرقميه accoglienza ascolto orientamento الهويه الرقميه بطاقه الهويه الالكترونيه طلب عبر الانترنت spid cie domanda online pec app io facilitazione digitale centro di ascolto san giorgio accoglienza, ascolto, orientamento e accompagnamento verso i servizi del territorio; aiuto a presentare le domande online e a capire quali documenti servono. persone e famiglie in difficolta"
    ]
  ]
};
