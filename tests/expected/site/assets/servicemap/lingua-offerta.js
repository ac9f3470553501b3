window.SERVICEMAP_LINGUE = {
  "it": {"offerta": "Leggi questa pagina in italiano", "no": "No, grazie", "dir": "ltr"},
  "en": {"offerta": "Read this page in English", "no": "No, thanks", "dir": "ltr"},
  "ar": {"offerta": "اقرأ هذه الصفحة بالعربية", "no": "لا، شكرًا", "dir": "rtl"},
  "zh": {"offerta": "用中文阅读本页", "no": "不用了，谢谢", "dir": "ltr"}
};
