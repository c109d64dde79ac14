# language: fr
@securite
Fonctionnalité: Sécurité – la demande de renouvellement (profil « securite », hors verdict)
  Contrôles de sécurité tirés de l'OWASP Forgot Password Cheat Sheet, du WSTG et de l'ASVS.
  Ils se lancent à la demande (--suite securite, ou -m securite) ; leurs résultats sont
  rapportés avec leur source, mais ne comptent jamais dans le verdict de conformité.
  Là où le guide exige lui-même le contraire (les pages 3bis révèlent qu'un compte existe),
  l'écart est rapporté comme une exception acceptée.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @SEC-ENUMERATION
  Plan du scénario: Une demande avec <cas> reçoit la même réponse qu'une demande aboutie
    Quand je fais une demande complète avec mes informations
    Et je fais une autre demande avec <cas>
    Alors les deux demandes reçoivent la même page, le même statut et les mêmes en-têtes

    Exemples:
      | cas                                   |
      | un numéro de sécurité sociale inconnu |
      | une date de naissance erronée         |
      | une adresse mail erronée              |

  @SEC-ENUMERATION @exception-acceptee
  Scénario: Un compte sans adresse mail reçoit une autre page (cas 3bis-1 exigé par le guide)
    Étant donné un autre assuré dont le compte ameli n'a pas d'adresse mail
    Quand je fais une demande avec les informations de cet autre assuré
    Et je fais une autre demande avec un numéro de sécurité sociale inconnu
    Alors les deux demandes reçoivent la même page, le même statut et les mêmes en-têtes

  @SEC-ENUMERATION @exception-acceptee
  Scénario: Un compte bloqué reçoit une autre page (cas 3bis-2 exigé par le guide)
    Étant donné que j'ai fait le nombre maximum de demandes de renouvellement, à une minute d'intervalle
    Quand je fais une demande complète avec mes informations
    Et je fais une autre demande avec un numéro de sécurité sociale inconnu
    Alors les deux demandes reçoivent la même page, le même statut et les mêmes en-têtes

  @SEC-DESTINATAIRE
  Plan du scénario: Une demande avec <variante> n'envoie de mail qu'à l'adresse du compte
    Quand je fais une demande complète où l'adresse mail est remplacée par <variante>
    Alors aucun mail ne part vers une autre adresse que celle de mon compte

    Exemples:
      | variante                                              |
      | mon adresse en majuscules                             |
      | mon adresse avec une lettre cyrillique semblable      |
      | mon adresse suivie d'une autre adresse                |
      | deux champs adresse, le mien puis une autre adresse   |
      | deux champs adresse, une autre adresse puis le mien   |
      | un champ adresse en tableau                           |

  @SEC-LIMITE-VARIANTES
  Scénario: Mon numéro écrit de plusieurs façons compte dans la même limite de demandes
    Quand je fais autant de demandes que la limite le permet, en écrivant mon numéro de façons différentes
    Et je fais une demande de plus avec mon numéro en chiffres pleine chasse
    Alors la page indique que le nombre maximum de demandes est atteint
    Et aucun nouveau mail n'est envoyé

  @SEC-HOTE-LIEN
  Plan du scénario: Un en-tête <en-tête> forgé ne change pas l'hôte du lien du mail
    Quand je fais une demande complète avec l'en-tête <en-tête> forgé vers « pirate.exemple »
    Alors le lien du mail, s'il en part un, mène au site de la cible et non à « pirate.exemple »

    Exemples:
      | en-tête          |
      | Host             |
      | X-Forwarded-Host |
      | Forwarded        |

  @SEC-CSRF
  Scénario: Le formulaire de demande refuse un envoi venu d'un autre site
    Quand un autre site me fait envoyer le formulaire « Mot de passe oublié » rempli avec mes informations
    Alors aucun mail n'est envoyé
