window.SERVICEMAP_INTERFACCIA = {
  "lingue": {
    "it": {"nome": "Italiano", "direzione": "ltr"},
    "en": {"nome": "English", "direzione": "ltr"},
    "ar": {"nome": "العربية", "direzione": "rtl"},
    "zh": {"nome": "中文", "direzione": "ltr"}
  },
  "testi": {
    "scheda.solo-italiano": {
      "it": "Alcune informazioni sono disponibili solo in italiano.",
      "en": "Some details are available only in Italian.",
      "ar": "بعض المعلومات متوفرة باللغة الإيطالية فقط.",
      "zh": "部分信息仅有意大利语版本。"
    },
    "scheda.a-cura-di": {
      "it": "A cura di {ente}",
      "en": "Run by {ente}",
      "ar": "تديرها: {ente}",
      "zh": "负责机构：{ente}"
    },
    "scheda.per": {
      "it": "Per: {aree}",
      "en": "For: {aree}",
      "ar": "المجالات: {aree}",
      "zh": "适用于：{aree}"
    },
    "scheda.si-occupa-di": {
      "it": "Si occupa di:",
      "en": "It helps with:",
      "ar": "يساعد في:",
      "zh": "服务领域："
    },
    "scheda.residenti": {
      "it": "Possono rivolgersi i residenti di: {comuni}.",
      "en": "Open to residents of: {comuni}.",
      "ar": "يمكن أن يتوجه إليه سكان: {comuni}.",
      "zh": "以下市镇的居民可以前往：{comuni}。"
    },
    "scheda.come-accedere": {
      "it": "Come accedere:",
      "en": "How to get in touch:",
      "ar": "طريقة الوصول:",
      "zh": "如何前往："
    },
    "scheda.cosa-offre": {
      "it": "Che cosa offre:",
      "en": "What it offers:",
      "ar": "ما يقدّمه:",
      "zh": "提供的帮助："
    },
    "scheda.costo-mancante": {
      "it": "Il costo non è indicato.",
      "en": "The cost is not given.",
      "ar": "التكلفة غير محددة.",
      "zh": "未注明费用。"
    },
    "scheda.costo-mancante.chiedi": {
      "it": "Il costo non è indicato: chiedi allo sportello.",
      "en": "The cost is not given: ask the desk.",
      "ar": "التكلفة غير محددة: اسأل المكتب.",
      "zh": "未注明费用：请询问服务点。"
    },
    "scheda.accesso-mancante": {
      "it": "Non è indicato come accedere.",
      "en": "It does not say how to get in touch.",
      "ar": "لم تُذكر طريقة الوصول.",
      "zh": "未注明如何前往。"
    },
    "scheda.accesso-mancante.chiedi": {
      "it": "Non è indicato come accedere: chiedi allo sportello.",
      "en": "It does not say how to get in touch: ask the desk.",
      "ar": "لم تُذكر طريقة الوصول: اسأل المكتب.",
      "zh": "未注明如何前往：请询问服务点。"
    },
    "scheda.documenti-mancanti": {
      "it": "Non sono indicati documenti da portare.",
      "en": "No documents to bring are listed.",
      "ar": "لم تُذكر وثائق يجب إحضارها.",
      "zh": "未注明需要携带的证件。"
    },
    "scheda.orario-settimanale": {
      "it": "Orario settimanale",
      "en": "Weekly hours",
      "ar": "المواعيد الأسبوعية",
      "zh": "每周开放时间"
    },
    "scheda.giorno": {"it": "Giorno", "en": "Day", "ar": "اليوم", "zh": "星期"},
    "scheda.orario": {"it": "Orario", "en": "Hours", "ar": "المواعيد", "zh": "时间"},
    "scheda.chiuso": {"it": "chiuso", "en": "closed", "ar": "مغلق", "zh": "关闭"},
    "scheda.festivi.aperto": {
      "it": "Nei giorni festivi: aperto.",
      "en": "On public holidays: open.",
      "ar": "في العطل الرسمية: مفتوح.",
      "zh": "公共假日：开放。"
    },
    "scheda.festivi.chiuso": {
      "it": "Nei giorni festivi: chiuso.",
      "en": "On public holidays: closed.",
      "ar": "في العطل الرسمية: مغلق.",
      "zh": "公共假日：关闭。"
    },
    "scheda.chiusure": {"it": "Chiusure:", "en": "Closed:", "ar": "أيام الإغلاق:", "zh": "停止开放："},
    "scheda.chiusura.periodo": {
      "it": "dal {dal} al {al}",
      "en": "from {dal} to {al}",
      "ar": "من {dal} إلى {al}",
      "zh": "{dal}至{al}"
    },
    "scheda.orari-mancanti.telefono-email": {
      "it": "Gli orari non sono indicati: telefona o scrivi prima di andare.",
      "en": "The opening hours are not given: phone or write before you go.",
      "ar": "مواعيد العمل غير محددة: اتصل أو راسلهم قبل الذهاب.",
      "zh": "未注明开放时间：出发前请先打电话或发邮件。"
    },
    "scheda.orari-mancanti.telefono": {
      "it": "Gli orari non sono indicati: telefona prima di andare.",
      "en": "The opening hours are not given: phone before you go.",
      "ar": "مواعيد العمل غير محددة: اتصل قبل الذهاب.",
      "zh": "未注明开放时间：出发前请先打电话。"
    },
    "scheda.orari-mancanti.email": {
      "it": "Gli orari non sono indicati: scrivi prima di andare.",
      "en": "The opening hours are not given: write before you go.",
      "ar": "مواعيد العمل غير محددة: راسلهم قبل الذهاب.",
      "zh": "未注明开放时间：出发前请先发邮件。"
    },
    "scheda.orari-mancanti.contatto": {
      "it": "Gli orari non sono indicati: chiedi al contatto della rete (vedi «Contatti»).",
      "en": "The opening hours are not given: ask the network's contact (see «Contacts»).",
      "ar": "مواعيد العمل غير محددة: اسأل جهة الاتصال في الشبكة (انظر «التواصل»).",
      "zh": "未注明开放时间：请询问该网络的联系人（见“联系方式”）。"
    },
    "scheda.orari-mancanti": {
      "it": "Gli orari non sono indicati.",
      "en": "The opening hours are not given.",
      "ar": "مواعيد العمل غير محددة.",
      "zh": "未注明开放时间。"
    },
    "scheda.su-appuntamento.telefono-email": {
      "it": "Si riceve su appuntamento: telefona o scrivi per fissarlo.",
      "en": "By appointment only: phone or write to book one.",
      "ar": "الاستقبال بموعد مسبق فقط: اتصل أو راسلهم لتحديد موعد.",
      "zh": "仅限预约：请打电话或发邮件预约。"
    },
    "scheda.su-appuntamento.telefono": {
      "it": "Si riceve su appuntamento: telefona per fissarlo.",
      "en": "By appointment only: phone to book one.",
      "ar": "الاستقبال بموعد مسبق فقط: اتصل لتحديد موعد.",
      "zh": "仅限预约：请打电话预约。"
    },
    "scheda.su-appuntamento.email": {
      "it": "Si riceve su appuntamento: scrivi per fissarlo.",
      "en": "By appointment only: write to book one.",
      "ar": "الاستقبال بموعد مسبق فقط: راسلهم لتحديد موعد.",
      "zh": "仅限预约：请发邮件预约。"
    },
    "scheda.su-appuntamento.contatto": {
      "it": "Si riceve su appuntamento: chiedi come fissarlo al contatto della rete (vedi «Contatti»).",
      "en": "By appointment only: ask the network's contact how to book one (see «Contacts»).",
      "ar": "الاستقبال بموعد مسبق فقط: اسأل جهة الاتصال في الشبكة عن طريقة الحجز (انظر «التواصل»).",
      "zh": "仅限预约：请向该网络的联系人询问如何预约（见“联系方式”）。"
    },
    "scheda.su-appuntamento": {
      "it": "Si riceve su appuntamento.",
      "en": "By appointment only.",
      "ar": "الاستقبال بموعد مسبق فقط.",
      "zh": "仅限预约。"
    },
    "scheda.sulla-mappa": {
      "it": "Sulla mappa: {posizione}.",
      "en": "On the map: {posizione}.",
      "ar": "على الخريطة: {posizione}.",
      "zh": "地图上：{posizione}。"
    },
    "scheda.precisione.manuale": {
      "it": "posizione indicata nella scheda",
      "en": "the position given in the record",
      "ar": "الموقع المذكور في البيانات",
      "zh": "条目中注明的位置"
    },
    "scheda.precisione.indirizzo": {
      "it": "posizione ricavata dall'indirizzo",
      "en": "the position worked out from the address",
      "ar": "موقع مستنتج من العنوان",
      "zh": "根据地址推算的位置"
    },
    "scheda.precisione.comune": {
      "it": "posizione approssimativa (centro del comune)",
      "en": "approximate position (the centre of the town)",
      "ar": "موقع تقريبي (وسط البلدية)",
      "zh": "大致位置（市镇中心）"
    },
    "scheda.vedi-mappa": {
      "it": "Vedi la mappa di tutti i servizi",
      "en": "See the map of all services",
      "ar": "اعرض خريطة كل الخدمات",
      "zh": "查看所有服务的地图"
    },
    "scheda.telefono": {"it": "Telefono", "en": "Phone", "ar": "الهاتف", "zh": "电话"},
    "scheda.email": {"it": "E-mail", "en": "E-mail", "ar": "البريد الإلكتروني", "zh": "电子邮件"},
    "scheda.sito": {"it": "Sito", "en": "Website", "ar": "الموقع الإلكتروني", "zh": "网站"},
    "scheda.lingue-parlate": {
      "it": "Lingue parlate",
      "en": "Languages spoken",
      "ar": "اللغات المحكية",
      "zh": "使用的语言"
    },
    "scheda.accessibilita": {
      "it": "Accessibilità",
      "en": "Accessibility",
      "ar": "إمكانية الوصول",
      "zh": "无障碍"
    },
    "scheda.sedia.si": {
      "it": "Accessibile in sedia a rotelle",
      "en": "Wheelchair accessible",
      "ar": "يمكن الوصول إليه بالكرسي المتحرك",
      "zh": "轮椅可进入"
    },
    "scheda.sedia.no": {
      "it": "Non accessibile in sedia a rotelle",
      "en": "Not wheelchair accessible",
      "ar": "لا يمكن الوصول إليه بالكرسي المتحرك",
      "zh": "轮椅无法进入"
    },
    "scheda.sedia.parziale": {
      "it": "Parzialmente accessibile in sedia a rotelle",
      "en": "Partly wheelchair accessible",
      "ar": "يمكن الوصول إليه جزئيًا بالكرسي المتحرك",
      "zh": "轮椅部分可进入"
    },
    "scheda.senza-contatti": {
      "it": "Non sono indicati né telefono né e-mail.",
      "en": "No phone or e-mail is given.",
      "ar": "لا يوجد هاتف ولا بريد إلكتروني.",
      "zh": "未注明电话或电子邮件。"
    },
    "scheda.senza-contatti.indirizzo": {
      "it": "Non sono indicati né telefono né e-mail: rivolgiti di persona all'indirizzo indicato.",
      "en": "No phone or e-mail is given: go in person to the address shown.",
      "ar": "لا يوجد هاتف ولا بريد إلكتروني: توجّه بنفسك إلى العنوان المذكور.",
      "zh": "未注明电话或电子邮件：请亲自前往所示地址。"
    },
    "scheda.verificato-da": {
      "it": "Verificato da",
      "en": "Checked by",
      "ar": "تحقّق منها",
      "zh": "核实人"
    },
    "scheda.fonte": {"it": "Fonte", "en": "Source", "ar": "المصدر", "zh": "来源"},
    "scheda.riga": {"it": "(riga {n})", "en": "(line {n})", "ar": "(السطر {n})", "zh": "（第 {n} 行）"},
    "scheda.qr": {
      "it": "Codice QR della scheda online",
      "en": "QR code of the page online",
      "ar": "رمز QR للصفحة على الإنترنت",
      "zh": "在线页面的二维码"
    },
    "scheda.qr-testo": {
      "it": "Inquadra il codice per aprire la scheda online, sempre aggiornata:",
      "en": "Scan the code to open the page online, always up to date:",
      "ar": "امسح الرمز لفتح الصفحة على الإنترنت، وهي محدّثة دائمًا:",
      "zh": "扫描二维码打开在线页面，信息随时更新："
    },
    "elenco.nessuno": {
      "it": "Nessun servizio.",
      "en": "No services.",
      "ar": "لا توجد خدمات.",
      "zh": "没有服务。"
    },
    "elenco.conteggio.uno": {
      "it": "1 servizio.",
      "en": "1 service.",
      "ar": "خدمة واحدة.",
      "zh": "1 项服务。"
    },
    "elenco.conteggio": {
      "it": "{n} servizi.",
      "en": "{n} services.",
      "ar": "عدد الخدمات: {n}.",
      "zh": "{n} 项服务。"
    },
    "comune.titolo": {
      "it": "Comune di {nome}",
      "en": "{nome}",
      "ar": "بلدية {nome}",
      "zh": "{nome}市镇"
    },
    "comune.intro": {
      "it": "I servizi che si trovano a {nome} e quelli di altri comuni a cui possono rivolgersi i residenti di {nome}.",
      "en": "The services in {nome}, and those in other towns that residents of {nome} can turn to.",
      "ar": "الخدمات الموجودة في {nome}، والخدمات في بلديات أخرى يمكن لسكان {nome} التوجه إليها.",
      "zh": "位于{nome}的服务，以及{nome}居民可以前往的其他市镇的服务。"
    },
    "comune.qui": {
      "it": "Servizi a {nome} ({n})",
      "en": "Services in {nome} ({n})",
      "ar": "الخدمات في {nome} ({n})",
      "zh": "{nome}的服务（{n}）"
    },
    "comune.altri": {
      "it": "Altri servizi per i residenti ({n})",
      "en": "Other services for residents ({n})",
      "ar": "خدمات أخرى للسكان ({n})",
      "zh": "面向居民的其他服务（{n}）"
    },
    "comuni.titolo": {
      "it": "Servizi per comune",
      "en": "Services by town",
      "ar": "الخدمات حسب البلدية",
      "zh": "按市镇查找服务"
    },
    "comuni.intro": {
      "it": "Scegli il tuo comune: trovi i servizi che si trovano lì e quelli aperti ai suoi residenti.",
      "en": "Choose your town: you will find the services located there and those open to its residents.",
      "ar": "اختر بلديتك: ستجد الخدمات الموجودة فيها والخدمات المفتوحة لسكانها.",
      "zh": "选择您所在的市镇：可以看到当地的服务，以及向当地居民开放的服务。"
    },
    "comuni.conteggi": {
      "it": "({qui} sul posto, {residenti} per i residenti)",
      "en": "({qui} located there, {residenti} for residents)",
      "ar": "({qui} في البلدية، {residenti} لسكانها)",
      "zh": "（当地 {qui} 项，面向居民 {residenti} 项）"
    },
    "aree.titolo": {
      "it": "Servizi per bisogno",
      "en": "Services by need",
      "ar": "الخدمات حسب الحاجة",
      "zh": "按需求查找服务"
    },
    "aree.intro": {
      "it": "Di che cosa hai bisogno? Scegli un tema.",
      "en": "What do you need? Choose a topic.",
      "ar": "ماذا تحتاج؟ اختر موضوعًا.",
      "zh": "您需要什么？请选择一个主题。"
    },
    "tipi.titolo": {
      "it": "Servizi per tipo",
      "en": "Services by type",
      "ar": "الخدمات حسب النوع",
      "zh": "按类型查找服务"
    },
    "tipi.intro": {
      "it": "Sportelli, centri di ascolto, hub digitali e altri servizi.",
      "en": "Help desks, listening centres, digital hubs and other services.",
      "ar": "مكاتب المساعدة ومراكز الاستماع والمراكز الرقمية وخدمات أخرى.",
      "zh": "服务点、倾听中心、数字服务中心和其他服务。"
    },
    "piede.sito": {
      "it": "Sito aggiornato il {data}",
      "en": "Site updated on {data}",
      "ar": "آخر تحديث للموقع: {data}",
      "zh": "网站更新于 {data}"
    },
    "piede.verificate.mese": {
      "it": "schede verificate a {mese}",
      "en": "records checked in {mese}",
      "ar": "تم التحقق من البيانات في {mese}",
      "zh": "条目核实于 {mese}"
    },
    "piede.verificate.tra": {
      "it": "schede verificate tra {da} e {a}",
      "en": "records checked between {da} and {a}",
      "ar": "تم التحقق من البيانات بين {da} و{a}",
      "zh": "条目核实于 {da} 至 {a} 之间"
    },
    "piede.vecchie": {
      "it": "; {n} su {totale} da più di un anno",
      "en": "; {n} of {totale} over a year ago",
      "ar": "؛ {n} من {totale} منذ أكثر من سنة",
      "zh": "；{totale} 条中有 {n} 条已超过一年"
    },
    "pagina.parole": {
      "it": "Per esempio:",
      "en": "For example:",
      "ar": "على سبيل المثال:",
      "zh": "例如："
    },
    "inizia.titolo": {
      "it": "Trova un servizio",
      "en": "Find a service",
      "ar": "ابحث عن خدمة",
      "zh": "查找服务"
    },
    "inizia.cerca-etichetta": {
      "it": "Che cosa cerchi? Scrivi con parole tue",
      "en": "What are you looking for? Use your own words",
      "ar": "عمّ تبحث؟ اكتب بكلماتك",
      "zh": "您在找什么？用自己的话写"
    },
    "inizia.cerca": {"it": "Cerca", "en": "Search", "ar": "بحث", "zh": "搜索"},
    "inizia.mappa": {"it": "Sulla mappa", "en": "On the map", "ar": "على الخريطة", "zh": "在地图上"},
    "inizia.vicino": {"it": "Vicino a me", "en": "Near me", "ar": "بالقرب مني", "zh": "我附近"},
    "inizia.bisogno": {
      "it": "Di che cosa hai bisogno?",
      "en": "What do you need?",
      "ar": "ماذا تحتاج؟",
      "zh": "您需要什么？"
    },
    "inizia.comune": {
      "it": "Nel tuo comune",
      "en": "In your town",
      "ar": "في بلديتك",
      "zh": "在您的市镇"
    },
    "lingua.offerta": {
      "it": "Leggi questa pagina in italiano",
      "en": "Read this page in English",
      "ar": "اقرأ هذه الصفحة بالعربية",
      "zh": "用中文阅读本页"
    },
    "lingua.offerta-no": {"it": "No, grazie", "en": "No, thanks", "ar": "لا، شكرًا", "zh": "不用了，谢谢"},
    "leggimi.titolo": {
      "it": "COPIA OFFLINE: si usa anche senza internet",
      "en": "OFFLINE COPY: it works without internet too",
      "ar": "نسخة تعمل دون إنترنت",
      "zh": "离线副本：没有网络也能使用"
    },
    "leggimi.data": {
      "it": "Dati aggiornati al {data}",
      "en": "Data last checked on {data}",
      "ar": "آخر تحقق من البيانات: {data}",
      "zh": "数据最近核对日期：{data}"
    },
    "leggimi.come": {"it": "COME APRIRLA", "en": "HOW TO OPEN IT", "ar": "كيف تفتحها", "zh": "如何打开"},
    "leggimi.estrai": {
      "it": "1. Estrai tutto lo zip in una cartella del computer o su una chiavetta USB\n   (in Windows: tasto destro sullo zip, poi \"Estrai tutto\").",
      "en": "1. Extract the whole zip into a folder on the computer or on a USB stick\n   (in Windows: right-click the zip, then \"Extract All\").",
      "ar": "1. استخرج كل محتوى ملف zip في مجلد على الحاسوب أو على ذاكرة USB\n   (في ويندوز: انقر بالزر الأيمن على الملف، ثم \"استخراج الكل\").",
      "zh": "1. 把整个 zip 文件解压到电脑或U盘上的一个文件夹\n   （在 Windows 中：右键点击 zip 文件，然后选择“全部解压缩”）。"
    },
    "leggimi.apri": {
      "it": "2. Apri la cartella \"{cartella}\" e fai doppio clic su index.html:\n   il sito si apre nel browser (Chrome, Edge, Firefox).",
      "en": "2. Open the folder \"{cartella}\" and double-click index.html:\n   the site opens in the browser (Chrome, Edge, Firefox).",
      "ar": "2. افتح المجلد \"{cartella}\" وانقر نقرًا مزدوجًا على index.html:\n   يفتح الموقع في المتصفح (Chrome أو Edge أو Firefox).",
      "zh": "2. 打开文件夹“{cartella}”，双击 index.html：\n   网站会在浏览器中打开（Chrome、Edge、Firefox）。"
    },
    "leggimi.anteprima": {
      "it": "   Non aprire le pagine dall'anteprima dello zip: vanno prima estratte.",
      "en": "   Do not open the pages from the zip's preview: extract them first.",
      "ar": "   لا تفتح الصفحات من معاينة ملف zip: يجب استخراجها أولًا.",
      "zh": "   不要在 zip 预览中直接打开网页：请先解压。"
    },
    "leggimi.funziona": {
      "it": "CHE COSA FUNZIONA SENZA INTERNET",
      "en": "WHAT WORKS WITHOUT INTERNET",
      "ar": "ما الذي يعمل دون إنترنت",
      "zh": "没有网络时可以使用的功能"
    },
    "leggimi.funziona-elenco": {
      "it": "- tutte le pagine e le schede dei servizi;\n- la ricerca (la lente in alto) e la pagina Cerca, con i filtri;\n- la mappa con i servizi e i confini dei comuni (senza lo sfondo delle strade);\n- la stampa di una scheda (dal menu del browser: Stampa), con il codice QR\n  della pagina online se il sito ne ha una;\n- i dati aperti, nella cartella dati (servizi.csv si apre con un foglio di calcolo).",
      "en": "- every page and every service's page;\n- the search (the magnifying glass at the top) and the Search page, with its filters;\n- the map with the services and the towns' borders (without the streets);\n- printing a service's page (browser menu: Print), with the QR code\n  of the online page if the site has one;\n- the open data, in the folder dati (servizi.csv opens in a spreadsheet).",
      "ar": "- كل الصفحات وصفحات الخدمات؛\n- البحث (العدسة في الأعلى) وصفحة البحث مع عوامل التصفية؛\n- الخريطة مع الخدمات وحدود البلديات (بدون خلفية الشوارع)؛\n- طباعة صفحة خدمة (من قائمة المتصفح: طباعة) مع رمز QR\n  للصفحة على الإنترنت إن وُجدت؛\n- البيانات المفتوحة في المجلد dati (يُفتح servizi.csv ببرنامج جداول البيانات).",
      "zh": "- 所有网页和服务页面；\n- 搜索（顶部的放大镜）和“搜索”页面及其筛选条件；\n- 地图上的服务和各市镇边界（没有街道底图）；\n- 打印服务页面（浏览器菜单：打印），如网站有在线地址，\n  会附上在线页面的二维码；\n- 开放数据，在 dati 文件夹中（servizi.csv 可用电子表格打开）。"
    },
    "leggimi.esterni": {
      "it": "Servono internet solo i collegamenti a siti esterni.",
      "en": "Only the links to other websites need internet.",
      "ar": "الروابط إلى المواقع الأخرى فقط تحتاج إلى الإنترنت.",
      "zh": "只有指向其他网站的链接需要网络。"
    },
    "leggimi.quando": {
      "it": "QUANDO AGGIORNARLA",
      "en": "WHEN TO UPDATE IT",
      "ar": "متى تحدّثها",
      "zh": "何时更新"
    },
    "leggimi.quando-testo": {
      "it": "La copia non si aggiorna da sola: orari e recapiti possono cambiare.\nPrima di indicare un servizio, guarda la data in fondo alla scheda\ne, se è passato molto tempo, telefona per conferma.",
      "en": "The copy does not update itself: opening hours and contacts can change.\nBefore you suggest a service, look at the date at the bottom of its page\nand, if it is old, phone to check.",
      "ar": "لا تتحدّث النسخة من تلقاء نفسها: قد تتغير المواعيد ووسائل الاتصال.\nقبل أن تنصح بخدمة، انظر إلى التاريخ في أسفل صفحتها،\nوإذا مرّ وقت طويل فاتصل للتأكد.",
      "zh": "副本不会自动更新：开放时间和联系方式可能会变。\n推荐某项服务前，请查看其页面底部的日期；\n如果时间已久，请先打电话确认。"
    },
    "leggimi.online": {
      "it": "Il sito online, sempre aggiornato, è: {indirizzo}",
      "en": "The online site, always up to date, is: {indirizzo}",
      "ar": "الموقع على الإنترنت، المحدَّث دائمًا: {indirizzo}",
      "zh": "在线网站（始终最新）：{indirizzo}"
    },
    "leggimi.chiedi": {
      "it": "Per una copia più recente chiedi a chi coordina la rete.",
      "en": "For a newer copy, ask whoever coordinates the network.",
      "ar": "للحصول على نسخة أحدث، اسأل من ينسّق الشبكة.",
      "zh": "如需更新的副本，请询问网络的协调人。"
    },
    "scheda.indice": {
      "it": "In questa pagina",
      "en": "On this page",
      "ar": "في هذه الصفحة",
      "zh": "本页内容"
    },
    "scheda.a-chi-e-rivolto": {
      "it": "A chi è rivolto",
      "en": "Who it is for",
      "ar": "لمن هذه الخدمة",
      "zh": "服务对象"
    },
    "scheda.come-fare": {
      "it": "Come fare",
      "en": "How to get help",
      "ar": "كيف تحصل على المساعدة",
      "zh": "如何获得帮助"
    },
    "scheda.cosa-serve": {
      "it": "Cosa serve",
      "en": "What to bring",
      "ar": "ما يجب إحضاره",
      "zh": "需要携带的材料"
    },
    "scheda.costi": {"it": "Costi", "en": "Costs", "ar": "التكلفة", "zh": "费用"},
    "scheda.orari": {"it": "Orari", "en": "Opening hours", "ar": "مواعيد العمل", "zh": "开放时间"},
    "scheda.dove-si-trova": {"it": "Dove si trova", "en": "Where it is", "ar": "المكان", "zh": "地点"},
    "scheda.contatti": {"it": "Contatti", "en": "Contacts", "ar": "التواصل", "zh": "联系方式"},
    "scheda.informazioni-sulla-scheda": {
      "it": "Informazioni sulla scheda",
      "en": "About this page",
      "ar": "معلومات عن هذه الصفحة",
      "zh": "关于本页信息"
    },
    "scheda.aggiornamento": {
      "it": "Ultimo aggiornamento",
      "en": "Last checked",
      "ar": "آخر تحديث",
      "zh": "最后更新"
    },
    "scheda.vecchia": {
      "it": "Queste informazioni potrebbero non essere più attuali: verifica telefonando.",
      "en": "This information may be out of date: please phone to check.",
      "ar": "قد لا تكون هذه المعلومات محدّثة: يُرجى التأكد بالاتصال هاتفيًا.",
      "zh": "这些信息可能已过时：请先打电话确认。"
    },
    "scheda.condividi": {"it": "Condividi", "en": "Share", "ar": "مشاركة", "zh": "分享"},
    "scheda.link-copiato": {
      "it": "Link copiato",
      "en": "Link copied",
      "ar": "تم نسخ الرابط",
      "zh": "链接已复制"
    },
    "scheda.link-da-copiare": {
      "it": "Copia questo indirizzo:",
      "en": "Copy this address:",
      "ar": "انسخ هذا العنوان:",
      "zh": "请复制此地址："
    },
    "scheda.segnala": {
      "it": "Segnala un errore",
      "en": "Report a mistake",
      "ar": "الإبلاغ عن خطأ",
      "zh": "报告错误"
    },
    "scheda.segnala-email": {
      "it": "Segnala un errore per e-mail",
      "en": "Report a mistake by e-mail",
      "ar": "الإبلاغ عن خطأ بالبريد الإلكتروني",
      "zh": "通过电子邮件报告错误"
    },
    "scheda.segnala-rete": {
      "it": "Un dato è sbagliato? Dillo allo sportello (vedi «Contatti») o all'ente che coordina la rete: correggeranno la scheda.",
      "en": "Is something wrong? Tell the desk (see «Contacts») or the organisation that runs the network: they will correct it.",
      "ar": "هل هناك معلومة خاطئة؟ أخبر المكتب (انظر «التواصل») أو الجهة المنسقة للشبكة لتصحيحها.",
      "zh": "信息有误？请告诉该服务点（见“联系方式”）或网络的协调机构，他们会更正。"
    },
    "scheda.segnala-rete.senza": {
      "it": "Un dato è sbagliato? Dillo a chi gestisce lo sportello o all'ente che coordina la rete: correggeranno la scheda.",
      "en": "Is something wrong? Tell the people who run the desk or the organisation that runs the network: they will correct it.",
      "ar": "هل هناك معلومة خاطئة؟ أخبر القائمين على المكتب أو الجهة المنسقة للشبكة لتصحيحها.",
      "zh": "信息有误？请告诉该服务点的负责人或网络的协调机构，他们会更正。"
    },
    "scheda.modifica": {
      "it": "Modifica questa scheda",
      "en": "Edit this record",
      "ar": "تعديل هذه الصفحة",
      "zh": "编辑此条目"
    },
    "scheda.vedi-riga": {
      "it": "Vedi la scheda nel file dei dati",
      "en": "See this record in the data file",
      "ar": "عرض هذه الصفحة في ملف البيانات",
      "zh": "在数据文件中查看此条目"
    },
    "segnalazione.titolo": {
      "it": "Correzione della scheda «{nome}» ({id})",
      "en": "Correction to the record «{nome}» ({id})",
      "ar": "تصحيح الصفحة «{nome}» ({id})",
      "zh": "更正条目“{nome}”（{id}）"
    },
    "segnalazione.scheda": {
      "it": "Scheda: {nome}",
      "en": "Record: {nome}",
      "ar": "الصفحة: {nome}",
      "zh": "条目：{nome}"
    },
    "segnalazione.id": {
      "it": "Identificativo (id): {id}",
      "en": "Identifier (id): {id}",
      "ar": "المعرّف (id): {id}",
      "zh": "标识符（id）：{id}"
    },
    "segnalazione.pagina": {
      "it": "Pagina: {pagina}",
      "en": "Page: {pagina}",
      "ar": "الصفحة على الموقع: {pagina}",
      "zh": "网页：{pagina}"
    },
    "segnalazione.dati": {
      "it": "Dati: {file}, riga {riga}",
      "en": "Data: {file}, line {riga}",
      "ar": "البيانات: {file}، السطر {riga}",
      "zh": "数据：{file}，第 {riga} 行"
    },
    "segnalazione.riga-nel-file": {
      "it": "Riga nel file: {url}",
      "en": "Line in the file: {url}",
      "ar": "السطر في الملف: {url}",
      "zh": "文件中的行：{url}"
    },
    "segnalazione.cosa-non-va": {
      "it": "Che cosa non è giusto? (per esempio l'orario, il telefono, l'indirizzo)",
      "en": "What is not right? (for example the hours, the phone number, the address)",
      "ar": "ما الذي ليس صحيحًا؟ (مثلًا المواعيد أو الهاتف أو العنوان)",
      "zh": "哪里不对？（例如开放时间、电话、地址）"
    },
    "segnalazione.cosa-e-giusto": {
      "it": "Qual è l'informazione giusta, e come lo sai? (per esempio: ho telefonato il ...)",
      "en": "What is the right information, and how do you know? (for example: I phoned on ...)",
      "ar": "ما المعلومة الصحيحة، وكيف عرفتها؟ (مثلًا: اتصلت هاتفيًا يوم ...)",
      "zh": "正确的信息是什么？您是怎么知道的？（例如：我在……打过电话）"
    },
    "scheda.indicazioni": {
      "it": "Indicazioni stradali su OpenStreetMap",
      "en": "Directions on OpenStreetMap",
      "ar": "الاتجاهات على OpenStreetMap",
      "zh": "在 OpenStreetMap 上查看路线"
    },
    "scheda.indicazioni-approssimative": {
      "it": "La posizione è approssimativa (il centro del comune): controlla l'indirizzo prima di partire.",
      "en": "The position is approximate (the centre of the town): check the address before you go.",
      "ar": "الموقع تقريبي (وسط البلدية): تحقق من العنوان قبل الذهاب.",
      "zh": "位置为大致位置（市镇中心）：出发前请核对地址。"
    },
    "scheda.chiama": {"it": "Chiama", "en": "Call", "ar": "اتصل", "zh": "打电话"},
    "scheda.scrivi": {"it": "Scrivi", "en": "E-mail", "ar": "راسل", "zh": "发邮件"},
    "scheda.indicazioni-breve": {
      "it": "Indicazioni",
      "en": "Directions",
      "ar": "الاتجاهات",
      "zh": "路线"
    },
    "scheda.senza-recapiti": {
      "it": "Questa scheda non ha recapiti.",
      "en": "This record gives no phone or e-mail.",
      "ar": "لا تذكر هذه الصفحة هاتفًا ولا بريدًا إلكترونيًا.",
      "zh": "此条目没有电话或电子邮件。"
    },
    "scheda.chi-contattare": {
      "it": "Chi puoi contattare",
      "en": "Whom you can contact",
      "ar": "بمن يمكنك الاتصال",
      "zh": "您可以联系谁"
    },
    "scheda.contatto-rete": {
      "it": "Contatto pubblico della rete",
      "en": "The network's public contact",
      "ar": "جهة الاتصال العامة للشبكة",
      "zh": "该网络的公开联系人"
    },
    "scheda.segnala-contatto": {
      "it": "Un dato è sbagliato? Segnalalo al contatto della rete.",
      "en": "Is something wrong? Tell the network's contact.",
      "ar": "هل هناك معلومة خاطئة؟ أبلغ جهة الاتصال في الشبكة.",
      "zh": "信息有误？请告诉该网络的联系人。"
    },
    "scheda.vecchia.email": {
      "it": "Queste informazioni potrebbero non essere più attuali: verifica scrivendo allo sportello.",
      "en": "This information may be out of date: please write to the desk to check.",
      "ar": "قد لا تكون هذه المعلومات محدّثة: يُرجى التأكد بمراسلة المكتب.",
      "zh": "这些信息可能已过时：请发邮件向服务点确认。"
    },
    "scheda.vecchia.nessuno": {
      "it": "Queste informazioni potrebbero non essere più attuali.",
      "en": "This information may be out of date.",
      "ar": "قد لا تكون هذه المعلومات محدّثة.",
      "zh": "这些信息可能已过时。"
    },
    "oggi.aperto": {
      "it": "Oggi aperto {orari}",
      "en": "Open today {orari}",
      "ar": "مفتوح اليوم {orari}",
      "zh": "今日开放 {orari}"
    },
    "oggi.adesso-aperto": {
      "it": "adesso aperto",
      "en": "open now",
      "ar": "مفتوح الآن",
      "zh": "现在开放"
    },
    "oggi.adesso-chiuso": {
      "it": "adesso chiuso",
      "en": "closed now",
      "ar": "مغلق الآن",
      "zh": "现在关闭"
    },
    "oggi.chiuso": {"it": "Oggi chiuso", "en": "Closed today", "ar": "مغلق اليوم", "zh": "今日关闭"},
    "oggi.festivo": {
      "it": "Oggi chiuso (giorno festivo)",
      "en": "Closed today (public holiday)",
      "ar": "مغلق اليوم (عطلة رسمية)",
      "zh": "今日关闭（公共假日）"
    },
    "oggi.appuntamento": {
      "it": "Oggi: su appuntamento",
      "en": "Today: by appointment",
      "ar": "اليوم: بموعد مسبق",
      "zh": "今日：需预约"
    },
    "oggi.non-indicati": {
      "it": "Oggi: orari non indicati, telefona prima di andare",
      "en": "Today: hours not given, phone before you go",
      "ar": "اليوم: المواعيد غير محددة، اتصل قبل الذهاب",
      "zh": "今日：未注明时间，请先打电话"
    },
    "oggi.non-indicati.email": {
      "it": "Oggi: orari non indicati, scrivi prima di andare",
      "en": "Today: hours not given, write before you go",
      "ar": "اليوم: المواعيد غير محددة، راسلهم قبل الذهاب",
      "zh": "今日：未注明时间，请先发邮件"
    },
    "oggi.non-indicati.nessuno": {
      "it": "Oggi: orari non indicati",
      "en": "Today: hours not given",
      "ar": "اليوم: المواعيد غير محددة",
      "zh": "今日：未注明时间"
    },
    "eta.oggi": {"it": "oggi", "en": "today", "ar": "اليوم", "zh": "今天"},
    "eta.ieri": {"it": "ieri", "en": "yesterday", "ar": "أمس", "zh": "昨天"},
    "eta.giorni": {"it": "{n} giorni fa", "en": "{n} days ago", "ar": "منذ {n} يوم", "zh": "{n} 天前"},
    "eta.mese": {"it": "1 mese fa", "en": "1 month ago", "ar": "منذ شهر", "zh": "1 个月前"},
    "eta.mesi": {"it": "{n} mesi fa", "en": "{n} months ago", "ar": "منذ {n} أشهر", "zh": "{n} 个月前"},
    "eta.anno": {
      "it": "oltre 1 anno fa",
      "en": "over 1 year ago",
      "ar": "منذ أكثر من سنة",
      "zh": "1 年多前"
    },
    "eta.anni": {
      "it": "oltre {n} anni fa",
      "en": "over {n} years ago",
      "ar": "منذ أكثر من {n} سنوات",
      "zh": "{n} 年多前"
    },
    "cerca.titolo": {
      "it": "Cerca un servizio",
      "en": "Find a service",
      "ar": "ابحث عن خدمة",
      "zh": "查找服务"
    },
    "cerca.q": {
      "it": "Cosa cerchi",
      "en": "What are you looking for",
      "ar": "عمّ تبحث",
      "zh": "您在找什么"
    },
    "cerca.q.esempio": {
      "it": "per esempio: pacco alimentare, SPID, English",
      "en": "for example: food parcel, SPID, English",
      "ar": "مثلاً: طرد غذائي، SPID، العربية",
      "zh": "例如：食品包、SPID、中文"
    },
    "cerca.area": {"it": "Bisogno", "en": "Need", "ar": "الحاجة", "zh": "需求"},
    "cerca.area.tutti": {
      "it": "Tutti i bisogni",
      "en": "All needs",
      "ar": "كل الاحتياجات",
      "zh": "所有需求"
    },
    "cerca.tipo": {
      "it": "Tipo di servizio",
      "en": "Type of service",
      "ar": "نوع الخدمة",
      "zh": "服务类型"
    },
    "cerca.tipo.tutti": {"it": "Tutti i tipi", "en": "All types", "ar": "كل الأنواع", "zh": "所有类型"},
    "cerca.comune": {
      "it": "Comune (sede o residenti serviti)",
      "en": "Town (where it is, or whose residents it serves)",
      "ar": "البلدية (مقر الخدمة أو سكانها المخدومون)",
      "zh": "市镇（所在地或服务的居民）"
    },
    "cerca.comune.tutti": {
      "it": "Tutti i comuni",
      "en": "All towns",
      "ar": "كل البلديات",
      "zh": "所有市镇"
    },
    "cerca.lingua": {
      "it": "Lingua parlata",
      "en": "Language spoken",
      "ar": "اللغة المحكية",
      "zh": "使用的语言"
    },
    "cerca.lingua.tutti": {
      "it": "Tutte le lingue",
      "en": "All languages",
      "ar": "كل اللغات",
      "zh": "所有语言"
    },
    "cerca.aperto": {"it": "Aperto ora", "en": "Open now", "ar": "مفتوح الآن", "zh": "现在开放"},
    "cerca.azzera": {
      "it": "Azzera i filtri",
      "en": "Clear filters",
      "ar": "مسح عوامل التصفية",
      "zh": "清除筛选"
    },
    "cerca.vicino": {"it": "Vicino a me", "en": "Near me", "ar": "بالقرب مني", "zh": "离我最近"},
    "cerca.lingua.nessuna": {
      "it": "Nessuno sportello ha indicato le lingue parlate",
      "en": "No help desk has said which languages it speaks",
      "ar": "لم يذكر أي مكتب اللغات التي يتحدث بها",
      "zh": "没有服务点说明其使用的语言"
    },
    "cerca.nessuno": {
      "it": "Nessun servizio trovato con questi filtri: prova a togliere un filtro.",
      "en": "No service found with these filters: try removing one.",
      "ar": "لم يتم العثور على أي خدمة بعوامل التصفية هذه: جرّب إزالة أحدها.",
      "zh": "按这些筛选条件未找到服务：请尝试去掉一个筛选条件。"
    },
    "cerca.nessuno.testo": {
      "it": "Nessun servizio trovato per «{q}»: prova con un'altra parola.",
      "en": "No service found for «{q}»: try another word.",
      "ar": "لم يتم العثور على أي خدمة لـ «{q}»: جرّب كلمة أخرى.",
      "zh": "未找到与「{q}」相关的服务：请换一个词试试。"
    },
    "cerca.contatto-rete": {
      "it": "Oppure chiedi al contatto che coordina la rete:",
      "en": "Or ask the network's coordinating contact:",
      "ar": "أو اسأل جهة الاتصال المنسقة للشبكة:",
      "zh": "或询问负责协调该网络的联系人："
    },
    "cerca.strade": {
      "it": "Puoi sempre scegliere tra tutti i servizi:",
      "en": "You can always choose among all the services:",
      "ar": "يمكنك دائماً الاختيار من بين كل الخدمات:",
      "zh": "您随时可以在所有服务中选择："
    },
    "cerca.intro": {
      "it": "Scrivi che cosa ti serve: l'elenco si aggiorna mentre scrivi. «Aperto ora» usa l'ora italiana.",
      "en": "Write what you need: the list updates as you type. «Open now» uses Italian time.",
      "ar": "اكتب ما تحتاج إليه: تتحدّث القائمة أثناء الكتابة. «مفتوح الآن» يعتمد التوقيت الإيطالي.",
      "zh": "写下您需要什么：列表会随输入更新。「现在开放」使用意大利时间。"
    },
    "cerca.filtri": {
      "it": "Filtri: bisogno, tipo, comune, lingua",
      "en": "Filters: need, type, town, language",
      "ar": "عوامل التصفية: الحاجة، النوع، البلدية، اللغة",
      "zh": "筛选：需求、类型、市镇、语言"
    },
    "cerca.filtri.uno": {"it": "(1 attivo)", "en": "(1 set)", "ar": "(1 مفعّل)", "zh": "（已选 1 项）"},
    "cerca.filtri.attivi": {
      "it": "({n} attivi)",
      "en": "({n} set)",
      "ar": "({n} مفعّلة)",
      "zh": "（已选 {n} 项）"
    },
    "cerca.dall-intestazione": {
      "it": "Cerca «{q}» tra tutti i servizi, con i filtri →",
      "en": "Search «{q}» among all services, with filters →",
      "ar": "ابحث عن «{q}» في كل الخدمات، مع عوامل التصفية ←",
      "zh": "在所有服务中搜索「{q}」，可使用筛选 →"
    },
    "cerca.strade.comuni": {
      "it": "i servizi del tuo comune",
      "en": "the services of your town",
      "ar": "خدمات بلديتك",
      "zh": "您所在市镇的服务"
    },
    "cerca.strade.aree": {
      "it": "i servizi per bisogno",
      "en": "the services by need",
      "ar": "الخدمات حسب الحاجة",
      "zh": "按需求分类的服务"
    },
    "cerca.strade.mappa": {
      "it": "la mappa con l'elenco di tutti i servizi",
      "en": "the map with the list of all services",
      "ar": "الخريطة مع قائمة كل الخدمات",
      "zh": "包含所有服务列表的地图"
    },
    "cerca.uno": {
      "it": "1 servizio trovato",
      "en": "1 service found",
      "ar": "تم العثور على خدمة واحدة",
      "zh": "找到 1 项服务"
    },
    "cerca.trovati": {
      "it": "{n} servizi trovati",
      "en": "{n} services found",
      "ar": "تم العثور على {n} خدمة",
      "zh": "找到 {n} 项服务"
    },
    "cerca.lingue": {"it": "Lingue:", "en": "Languages:", "ar": "اللغات:", "zh": "语言："},
    "cerca.altri": {
      "it": "Mostra altri {n} servizi",
      "en": "Show {n} more services",
      "ar": "اعرض {n} خدمة أخرى",
      "zh": "再显示 {n} 项服务"
    },
    "cerca.altro": {
      "it": "Mostra un altro servizio",
      "en": "Show one more service",
      "ar": "اعرض خدمة أخرى",
      "zh": "再显示 1 项服务"
    },
    "vicino.attesa": {
      "it": "Sto chiedendo la posizione al tuo dispositivo…",
      "en": "Asking your device for your position…",
      "ar": "جارٍ طلب موقعك من جهازك…",
      "zh": "正在获取您设备的位置…"
    },
    "vicino.ordinati": {
      "it": "Servizi ordinati dal più vicino alla tua posizione. La posizione resta sul tuo dispositivo.",
      "en": "Services sorted from the nearest to your position. Your position stays on your device.",
      "ar": "الخدمات مرتبة من الأقرب إلى موقعك. يبقى موقعك على جهازك.",
      "zh": "服务已按离您的距离排序。您的位置只保留在您的设备上。"
    },
    "vicino.negato": {
      "it": "Non possiamo conoscere la tua posizione, e va bene così. Scegli il tuo comune nel campo «Comune»: vedrai i servizi della tua zona. Intanto l'elenco è ordinato per comune.",
      "en": "We cannot know your position, and that is fine. Choose your town in the «Town» field to see the services near you. Meanwhile the list is sorted by town.",
      "ar": "لا يمكننا معرفة موقعك، ولا بأس بذلك. اختر بلديتك في خانة «البلدية» لترى الخدمات القريبة منك. القائمة الآن مرتبة حسب البلدية.",
      "zh": "我们无法获得您的位置，这没有关系。请在“市镇”一栏选择您所在的市镇，即可看到附近的服务。列表暂按市镇排序。"
    },
    "vicino.distanza": {
      "it": "a {km} km",
      "en": "{km} km away",
      "ar": "على بعد {km} كم",
      "zh": "距离 {km} 公里"
    },
    "vicino.distanza-circa": {
      "it": "a circa {km} km (posizione approssimativa)",
      "en": "about {km} km away (approximate position)",
      "ar": "على بعد {km} كم تقريبًا (موقع تقريبي)",
      "zh": "大约 {km} 公里（大致位置）"
    },
    "vicino.senza-posizione": {
      "it": "distanza non nota",
      "en": "distance unknown",
      "ar": "المسافة غير معروفة",
      "zh": "距离未知"
    },
    "lista.titolo": {"it": "La mia lista", "en": "My list", "ar": "قائمتي", "zh": "我的清单"},
    "lista.aggiungi": {
      "it": "Aggiungi alla mia lista",
      "en": "Add to my list",
      "ar": "أضف إلى قائمتي",
      "zh": "加入我的清单"
    },
    "lista.togli": {
      "it": "Togli dalla mia lista",
      "en": "Remove from my list",
      "ar": "احذف من قائمتي",
      "zh": "从我的清单中移除"
    },
    "lista.togli-voce": {
      "it": "Togli dalla lista",
      "en": "Remove from the list",
      "ar": "احذف من القائمة",
      "zh": "从清单中移除"
    },
    "lista.link": {
      "it": "La mia lista ({n})",
      "en": "My list ({n})",
      "ar": "قائمتي ({n})",
      "zh": "我的清单（{n}）"
    },
    "lista.aggiunto": {
      "it": "Aggiunto: {nome}.",
      "en": "Added: {nome}.",
      "ar": "تمت الإضافة: {nome}.",
      "zh": "已加入：{nome}。"
    },
    "lista.tolto": {
      "it": "Tolto: {nome}.",
      "en": "Removed: {nome}.",
      "ar": "تم الحذف: {nome}.",
      "zh": "已移除：{nome}。"
    },
    "lista.conta.uno": {
      "it": "1 servizio nella lista",
      "en": "1 service in the list",
      "ar": "خدمة واحدة في القائمة",
      "zh": "清单中有 1 项服务"
    },
    "lista.conta": {
      "it": "{n} servizi nella lista",
      "en": "{n} services in the list",
      "ar": "{n} خدمات في القائمة",
      "zh": "清单中有 {n} 项服务"
    },
    "lista.intro": {
      "it": "I servizi che scegli con «Aggiungi alla mia lista», insieme: da stampare su un foglio o da mandare come link.",
      "en": "The services you choose with «Add to my list», together: to print on one sheet or to send as a link.",
      "ar": "الخدمات التي تختارها بزر «أضف إلى قائمتي» معًا: لطباعتها على ورقة واحدة أو إرسالها كرابط.",
      "zh": "您用“加入我的清单”选择的服务汇总在这里：可打印成一页，或作为链接发送。"
    },
    "lista.vuota": {
      "it": "La lista è vuota. Nella pagina Cerca e nella pagina di ogni servizio premi «Aggiungi alla mia lista».",
      "en": "The list is empty. On the Search page and on each service's page, press «Add to my list».",
      "ar": "القائمة فارغة. في صفحة البحث وفي صفحة كل خدمة اضغط «أضف إلى قائمتي».",
      "zh": "清单是空的。在搜索页面和每项服务的页面上，点击“加入我的清单”。"
    },
    "lista.vai-a-cerca": {
      "it": "Cerca un servizio",
      "en": "Find a service",
      "ar": "ابحث عن خدمة",
      "zh": "查找服务"
    },
    "lista.privacy": {
      "it": "La lista resta solo su questo dispositivo: chi altro la vede lo decidi tu, mandando il link.",
      "en": "The list stays only on this device: you decide who else sees it, by sending the link.",
      "ar": "تبقى القائمة على هذا الجهاز فقط: أنت من يقرر من يراها غيرك، بإرسال الرابط.",
      "zh": "清单只保存在此设备上：由您决定是否把链接发给别人。"
    },
    "lista.condivisa": {
      "it": "Questa lista ti è stata mandata con un link. Salvala per ritrovarla su questo dispositivo: la tua lista non viene cancellata.",
      "en": "This list was sent to you as a link. Save it to find it again on this device: your own list is not deleted.",
      "ar": "أُرسلت إليك هذه القائمة برابط. احفظها لتجدها مجددًا على هذا الجهاز: لن تُحذف قائمتك.",
      "zh": "这份清单是通过链接发给您的。保存后可在此设备上再次找到：您自己的清单不会被删除。"
    },
    "lista.salva": {
      "it": "Salva nella mia lista",
      "en": "Save to my list",
      "ar": "احفظ في قائمتي",
      "zh": "保存到我的清单"
    },
    "lista.salvata": {
      "it": "Aggiunti alla tua lista: {n}.",
      "en": "Added to your list: {n}.",
      "ar": "أُضيفت إلى قائمتك: {n}.",
      "zh": "已加入您的清单：{n} 项。"
    },
    "lista.mancante": {
      "it": "1 servizio non è più nella mappa ed è stato tolto dalla lista.",
      "en": "1 service is no longer on the map and was removed from the list.",
      "ar": "خدمة واحدة لم تعد على الخريطة وحُذفت من القائمة.",
      "zh": "有 1 项服务已不在地图上，已从清单中移除。"
    },
    "lista.mancanti": {
      "it": "{n} servizi non sono più nella mappa e sono stati tolti dalla lista.",
      "en": "{n} services are no longer on the map and were removed from the list.",
      "ar": "{n} خدمات لم تعد على الخريطة وحُذفت من القائمة.",
      "zh": "有 {n} 项服务已不在地图上，已从清单中移除。"
    },
    "lista.stampa": {
      "it": "Stampa la lista",
      "en": "Print the list",
      "ar": "اطبع القائمة",
      "zh": "打印清单"
    },
    "lista.copia": {
      "it": "Copia il link della lista",
      "en": "Copy the link to the list",
      "ar": "انسخ رابط القائمة",
      "zh": "复制清单链接"
    },
    "lista.condividi": {
      "it": "Condividi la lista",
      "en": "Share the list",
      "ar": "شارك القائمة",
      "zh": "分享清单"
    },
    "lista.svuota": {
      "it": "Svuota la lista",
      "en": "Empty the list",
      "ar": "أفرغ القائمة",
      "zh": "清空清单"
    },
    "lista.svuota.domanda": {
      "it": "Togliere tutti i servizi dalla lista?",
      "en": "Remove every service from the list?",
      "ar": "هل تريد حذف كل الخدمات من القائمة؟",
      "zh": "要从清单中移除所有服务吗？"
    },
    "lista.svuota.si": {
      "it": "Sì, svuota",
      "en": "Yes, empty it",
      "ar": "نعم، أفرغها",
      "zh": "是，清空"
    },
    "lista.svuota.no": {
      "it": "No, tienila",
      "en": "No, keep it",
      "ar": "لا، احتفظ بها",
      "zh": "不，保留"
    },
    "lista.svuotata": {
      "it": "La lista è vuota.",
      "en": "The list is empty.",
      "ar": "القائمة فارغة.",
      "zh": "清单已清空。"
    },
    "lista.telefono": {"it": "Telefono:", "en": "Phone:", "ar": "الهاتف:", "zh": "电话："},
    "lista.giorno-chiuso": {"it": "chiuso", "en": "closed", "ar": "مغلق", "zh": "关闭"},
    "lista.festivi-aperto": {
      "it": "Aperto anche nei giorni festivi.",
      "en": "Open on public holidays too.",
      "ar": "مفتوح في العطل الرسمية أيضًا.",
      "zh": "公共假日也开放。"
    },
    "lista.festivi-chiuso": {
      "it": "Chiuso nei giorni festivi.",
      "en": "Closed on public holidays.",
      "ar": "مغلق في العطل الرسمية.",
      "zh": "公共假日关闭。"
    },
    "lista.orari-non-indicati": {
      "it": "Orari non indicati: telefona prima di andare.",
      "en": "Hours not given: phone before you go.",
      "ar": "المواعيد غير محددة: اتصل قبل الذهاب.",
      "zh": "未注明时间：请先打电话。"
    },
    "lista.chiusura": {
      "it": "Chiuso dal {dal} al {al}",
      "en": "Closed from {dal} to {al}",
      "ar": "مغلق من {dal} إلى {al}",
      "zh": "{dal}至{al}关闭"
    },
    "lista.verificata": {
      "it": "Scheda verificata il {data}.",
      "en": "Record checked on {data}.",
      "ar": "تم التحقق من البيانات في {data}.",
      "zh": "信息核实于 {data}。"
    },
    "lista.stampata": {
      "it": "Lista stampata il {data}.",
      "en": "List printed on {data}.",
      "ar": "طُبعت القائمة في {data}.",
      "zh": "清单打印于 {data}。"
    },
    "lista.indirizzo": {
      "it": "La lista online: {url}",
      "en": "The list online: {url}",
      "ar": "القائمة على الإنترنت: {url}",
      "zh": "在线清单：{url}"
    },
    "mappa.titolo": {
      "it": "Mappa dei servizi",
      "en": "Map of services",
      "ar": "خريطة الخدمات",
      "zh": "服务地图"
    },
    "mappa.legenda": {"it": "Legenda", "en": "Key", "ar": "دليل الرموز", "zh": "图例"},
    "mappa.piu-servizi": {
      "it": "Più servizi allo stesso indirizzo (il numero dice quanti)",
      "en": "Several services at one address (the number says how many)",
      "ar": "عدة خدمات في العنوان نفسه (الرقم يبيّن عددها)",
      "zh": "同一地址有多项服务（数字表示数量）"
    },
    "mappa.elenco": {
      "it": "Elenco dei servizi",
      "en": "List of services",
      "ar": "قائمة الخدمات",
      "zh": "服务列表"
    },
    "mappa.tocca": {
      "it": "Tocca un segno per vedere indirizzo e orari di oggi.",
      "en": "Tap a marker to see the address and today's hours.",
      "ar": "المس علامة لترى العنوان ومواعيد اليوم.",
      "zh": "点击标记即可查看地址和今天的开放时间。"
    },
    "mappa.come": {
      "it": "Come si usa",
      "en": "How to use it",
      "ar": "طريقة الاستخدام",
      "zh": "使用方法"
    },
    "mappa.istruzioni": {
      "it": "Ogni segno sulla mappa è un servizio; le lettere dicono il tipo (vedi la legenda). Un cerchio con un numero raggruppa i servizi vicini: toccalo per ingrandire. Tocca un servizio per vedere indirizzo e orari di oggi. Sotto la mappa c'è l'elenco di tutti i servizi.",
      "en": "Each marker on the map is a service; the letters tell its type (see the key). A circle with a number groups nearby services: tap it to zoom in. Tap a service to see its address and today's hours. Below the map is the list of all services.",
      "ar": "كل علامة على الخريطة خدمة؛ والحروف تبيّن نوعها (انظر دليل الرموز). الدائرة التي فيها رقم تجمع خدمات متقاربة: المسها للتكبير. المس خدمة لترى عنوانها ومواعيد اليوم. تحت الخريطة قائمة بكل الخدمات.",
      "zh": "地图上的每个标记都是一项服务，字母表示类型（见图例）。带数字的圆圈表示附近的多项服务：点击即可放大。点击服务可查看地址和今天的开放时间。地图下方是所有服务的列表。"
    },
    "mappa.gruppo": {
      "it": "Servizi vicini tra loro (il numero dice quanti): tocca per ingrandire",
      "en": "Services close to each other (the number says how many): tap to zoom in",
      "ar": "خدمات متقاربة (الرقم يبيّن عددها): المس للتكبير",
      "zh": "彼此相近的服务（数字表示数量）：点击放大"
    },
    "mappa.vicino-fatto": {
      "it": "La mappa mostra la tua posizione (il punto blu) e i servizi più vicini. La posizione resta sul tuo dispositivo.",
      "en": "The map shows your position (the blue dot) and the nearest services. Your position stays on your device.",
      "ar": "تعرض الخريطة موقعك (النقطة الزرقاء) وأقرب الخدمات. يبقى موقعك على جهازك.",
      "zh": "地图显示了您的位置（蓝点）和最近的服务。您的位置只保留在您的设备上。"
    },
    "mappa.vicino-negato": {
      "it": "Non possiamo conoscere la tua posizione, e va bene così. Cerca il tuo comune nell'elenco sotto la mappa: i servizi sono divisi per comune.",
      "en": "We cannot know your position, and that is fine. Look for your town in the list below the map: the services are grouped by town.",
      "ar": "لا يمكننا معرفة موقعك، ولا بأس بذلك. ابحث عن بلديتك في القائمة تحت الخريطة: الخدمات مقسّمة حسب البلدية.",
      "zh": "我们无法获得您的位置，这没有关系。请在地图下方的列表中查找您所在的市镇：服务按市镇分组。"
    },
    "mappa.tu-sei-qui": {"it": "Tu sei qui", "en": "You are here", "ar": "أنت هنا", "zh": "您在这里"},
    "cosa-fanno.titolo": {
      "it": "Che cosa fanno gli sportelli",
      "en": "What the help desks do",
      "ar": "ماذا تقدم مكاتب المساعدة",
      "zh": "服务点提供什么帮助"
    },
    "cosa-fanno.intro": {
      "it": "Gli sportelli della rete offrono accoglienza, ascolto, orientamento e accompagnamento, con informazioni chiare e condivise sui servizi e sulle modalità per accedervi.",
      "en": "The network's desks offer a welcome, listening, guidance and accompaniment, with clear information on the services and how to access them.",
      "ar": "تقدم مكاتب الشبكة الاستقبال والاستماع والتوجيه والمرافقة، مع معلومات واضحة عن الخدمات وكيفية الوصول إليها.",
      "zh": "网络中的服务点提供接待、倾听、指引和陪同，并清楚介绍各项服务及申请方式。"
    },
    "cosa-fanno.primo-passo": {
      "it": "Non sai da dove cominciare? Vai allo sportello più vicino o telefona: ti ascoltano e ti indicano il servizio giusto.",
      "en": "Not sure where to start? Go to the nearest desk or phone it: they listen and point you to the right service.",
      "ar": "لا تعرف من أين تبدأ؟ اذهب إلى أقرب مكتب أو اتصل به: سيستمعون إليك ويدلّونك على الخدمة المناسبة.",
      "zh": "不知道从哪里开始？请去最近的服务点或打电话：他们会倾听您，并告诉您该找哪项服务。"
    },
    "ore.chiuso-nota": {
      "it": "Oggi chiuso: {nota}",
      "en": "Closed today: {nota}",
      "ar": "مغلق اليوم: {nota}",
      "zh": "今日关闭：{nota}"
    },
    "mappa.caricamento": {
      "it": "Caricamento dei dettagli…",
      "en": "Loading the details…",
      "ar": "جارٍ تحميل التفاصيل…",
      "zh": "正在加载详细信息…"
    },
    "mappa.approssimativa": {
      "it": "Posizione approssimativa: il servizio è segnato al centro del comune.",
      "en": "Approximate position: the service is marked at the centre of its town.",
      "ar": "موقع تقريبي: الخدمة معلّمة في وسط البلدية.",
      "zh": "大致位置：该服务标在所在市镇的中心。"
    },
    "mappa.nel-punto": {
      "it": "{n} servizi in questo punto",
      "en": "{n} services at this point",
      "ar": "{n} خدمات في هذا المكان",
      "zh": "此处有 {n} 项服务"
    },
    "mappa.servizio": {"it": "Servizio", "en": "Service", "ar": "خدمة", "zh": "服务"},
    "mappa.apri": {
      "it": "{nome}: apri i dettagli",
      "en": "{nome}: open the details",
      "ar": "{nome}: افتح التفاصيل",
      "zh": "{nome}：打开详细信息"
    },
    "mappa.chiudi": {"it": "Chiudi", "en": "Close", "ar": "إغلاق", "zh": "关闭"},
    "mappa.ingrandisci": {"it": "Ingrandisci", "en": "Zoom in", "ar": "تكبير", "zh": "放大"},
    "mappa.riduci": {"it": "Riduci", "en": "Zoom out", "ar": "تصغير", "zh": "缩小"},
    "mappa.mostra": {
      "it": "Mostra sulla mappa",
      "en": "Show on the map",
      "ar": "اعرض على الخريطة",
      "zh": "在地图上显示"
    },
    "mappa.mostra-nome": {
      "it": "Mostra sulla mappa: {nome}",
      "en": "Show on the map: {nome}",
      "ar": "اعرض على الخريطة: {nome}",
      "zh": "在地图上显示：{nome}"
    },
    "mappa.salta": {
      "it": "Salta la mappa: vai all'elenco dei servizi",
      "en": "Skip the map: go to the list of services",
      "ar": "تخطَّ الخريطة: انتقل إلى قائمة الخدمات",
      "zh": "跳过地图：前往服务列表"
    },
    "mappa.confini": {
      "it": "Confini dei comuni: {fonte}",
      "en": "Town boundaries: {fonte}",
      "ar": "حدود البلديات: {fonte}",
      "zh": "市镇边界：{fonte}"
    },
    "mappa.legenda-etichetta": {
      "it": "Legenda della mappa",
      "en": "Map key",
      "ar": "دليل رموز الخريطة",
      "zh": "地图图例"
    },
    "mappa.posizione-non-disponibile": {
      "it": "(posizione non disponibile)",
      "en": "(position not available)",
      "ar": "(الموقع غير متوفر)",
      "zh": "（位置不详）"
    },
    "mappa.posizione-approssimativa": {
      "it": "(posizione approssimativa)",
      "en": "(approximate position)",
      "ar": "(موقع تقريبي)",
      "zh": "（大致位置）"
    },
    "minimappa.etichetta": {
      "it": "Mappa: {nome} a {comune}",
      "en": "Map: {nome} in {comune}",
      "ar": "الخريطة: {nome} في {comune}",
      "zh": "地图：{comune}的{nome}"
    },
    "minimappa.etichetta-circa": {
      "it": "Mappa: {nome} a {comune} (posizione approssimativa)",
      "en": "Map: {nome} in {comune} (approximate position)",
      "ar": "الخريطة: {nome} في {comune} (موقع تقريبي)",
      "zh": "地图：{comune}的{nome}（大致位置）"
    },
    "minimappa.tessere": {
      "it": "Mappa: {fonte}",
      "en": "Map: {fonte}",
      "ar": "الخريطة: {fonte}",
      "zh": "地图：{fonte}"
    },
    "cerca.etichetta-form": {
      "it": "Cerca tra i servizi",
      "en": "Search the services",
      "ar": "ابحث في الخدمات",
      "zh": "搜索服务"
    },
    "cerca.conta.uno": {"it": "1 servizio", "en": "1 service", "ar": "خدمة واحدة", "zh": "1 项服务"},
    "cerca.conta": {"it": "{n} servizi", "en": "{n} services", "ar": "{n} خدمة", "zh": "{n} 项服务"},
    "cerca.noscript": {
      "it": "La ricerca ha bisogno di JavaScript. L'elenco di tutti i servizi è anche nella pagina della {mappa}.",
      "en": "The search needs JavaScript. The list of all services is also on the {mappa} page.",
      "ar": "يحتاج البحث إلى JavaScript. قائمة كل الخدمات موجودة أيضًا في صفحة {mappa}.",
      "zh": "搜索需要 JavaScript。所有服务的列表也在{mappa}页面上。"
    },
    "cerca.noscript.mappa": {"it": "mappa", "en": "map", "ar": "الخريطة", "zh": "地图"},
    "lista.noscript": {
      "it": "La lista ha bisogno di JavaScript.",
      "en": "The list needs JavaScript.",
      "ar": "تحتاج القائمة إلى JavaScript.",
      "zh": "清单需要 JavaScript。"
    }
  }
};
