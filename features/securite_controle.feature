# language: fr
@securite
Fonctionnalité: Sécurité – l'API de contrôle de test (profil « securite », hors verdict)
  L'API de contrôle sert aux tests : elle donne la réponse du CAPTCHA et déplace l'horloge.
  Hors des tests elle doit être absente, et sans son jeton elle ne doit rien répondre.

  @SEC-CONTROLE-DESACTIVE
  Scénario: Sans son jeton, aucune opération de l'API de contrôle ne répond
    Alors aucune opération de l'API de contrôle ne répond sans jeton ni avec un faux jeton

  @SEC-CONTROLE-DESACTIVE
  Scénario: Démarrée sans mode de test, la cible n'a aucune route de contrôle
    Étant donné la cible démarrée sans jeton de contrôle
    Alors aucune opération de l'API de contrôle ne répond sans jeton ni avec un faux jeton
