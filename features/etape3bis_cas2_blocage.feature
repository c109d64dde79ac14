# language: fr
Fonctionnalité: Étape 3bis, cas 2 – Trop de demandes successives
  Pour des raisons de sécurité, l'assuré ne peut pas demander plusieurs mails successifs
  de renouvellement. Au bout d'un certain nombre de demandes, un message d'erreur est
  affiché et le service est bloqué durant une courte période, jusqu'à une heure donnée
  en heure de Paris. Le nombre de demandes et la période sont ceux que déclare le profil
  de la cible.

  # Conception des tests (docs/conception-des-tests.md, E3BIS-2-BLOCAGE) :
  # - l'heure affichée est la vraie fin : une minute avant, toujours bloqué (sans mail) ; à
  #   l'heure dite, la demande aboutit ; hiver, été, et les deux changements d'heure ; un blocage
  #   qui passe minuit (et l'année : la fin est le lendemain de la demande) ; et pour un
  #   navigateur réglé sur l'heure de la Guadeloupe (une heure écrite par un script du navigateur,
  #   dans son fuseau, n'est pas celle de Paris) ; des demandes faites à 20 secondes, dont le
  #   blocage finit à 20 secondes : l'heure affichée est la minute où une demande repasse, la
  #   suivante (une heure écrite sans ses secondes, ou arrondie à la minute la plus proche,
  #   renvoie la personne trop tôt) ;
  # - la page du blocage propose, comme dans le guide, « Retourner à la page de connexion », qui y
  #   mène ;
  # - la limite vaut pour le compte : demandes faites depuis des navigateurs différents ;
  #   elle ne touche pas les autres comptes, même celui d'un assuré du même foyer qui partage
  #   l'adresse mail (une cible qui compte les demandes par adresse bloque l'autre assuré) ;
  # - la période glisse : des demandes de part et d'autre du bord de la période ; après la fin
  #   du blocage, une seule demande passe tant que les autres restent dans la période.
  #   (une cible qui déclare une période fixe, où le compte repart de zéro à la fin de la
  #   période, a ce scénario-là hors de sa lecture : non applicable, sans lacune pour le verdict)

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @E3BIS-2-BLOCAGE
  Plan du scénario: Au-delà du nombre maximum de demandes, le service est bloqué jusqu'à l'heure affichée
    Étant donné que nous sommes le <jour> à <heure>, heure de Paris
    Et que j'ai fait le nombre maximum de demandes de renouvellement, à une minute d'intervalle
    Quand je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Et la page indique que le service est bloqué jusqu'à la fin du blocage, en heure de Paris
    Et aucun nouveau mail n'est envoyé
    Et la page propose « Retourner à la page de connexion »
    Quand je clique sur « Retourner à la page de connexion »
    Alors je suis sur la page de connexion
    Quand il est une minute avant l'heure de fin du blocage
    Et je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Et la page indique que le service est bloqué jusqu'à la fin du blocage, en heure de Paris
    Et aucun nouveau mail n'est envoyé
    Quand l'heure de fin du blocage est arrivée
    Et je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le mail a bien été envoyé à »

    Exemples:
      | jour       | heure                    | cas                                                                         |
      | 31/12/2022 | 23h45                    | en hiver, le blocage passe minuit                                           |
      | 14/07/2023 | 10h05 et 20 secondes     | en été, la fin tombe à 20 secondes : l'heure affichée est la minute d'après |
      | 26/03/2023 | 01h30                    | le blocage passe à l'heure d'été                                            |
      | 29/10/2023 | 02h30 (heure d'été)      | le blocage passe à l'heure d'hiver                                          |

  @E3BIS-2-BLOCAGE
  Scénario: La fin du blocage est donnée en heure de Paris, même à un navigateur réglé sur une autre heure
    Étant donné que mon navigateur est réglé sur l'heure de la Guadeloupe
    Et que nous sommes le 14/07/2023 à 10h05, heure de Paris
    Et que j'ai fait le nombre maximum de demandes de renouvellement, à une minute d'intervalle
    Quand je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Et la page indique que le service est bloqué jusqu'à la fin du blocage, en heure de Paris

  @E3BIS-2-BLOCAGE
  Scénario: Le nombre de demandes compte pour le compte, quel que soit le navigateur
    Étant donné que j'ai fait le nombre maximum de demandes de renouvellement, chacune depuis un autre navigateur
    Quand je demande une nouvelle fois le renouvellement de mon mot de passe depuis un autre navigateur
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Et aucun nouveau mail n'est envoyé
    Quand l'autre assuré demande le renouvellement de son mot de passe dans ce navigateur
    Alors l'autre assuré reçoit son mail

  @E3BIS-2-BLOCAGE
  Scénario: Deux assurés partagent une adresse mail : les demandes de l'un ne bloquent pas l'autre
    Étant donné un autre assuré dont le compte ameli a la même adresse mail validée que le mien
    Et que j'ai fait le nombre maximum de demandes de renouvellement
    Quand l'autre assuré, qui partage mon adresse, demande le renouvellement de son mot de passe
    Alors l'autre assuré reçoit son mail
    Quand je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Et aucun nouveau mail n'est envoyé

  @E3BIS-2-BLOCAGE
  Scénario: Les demandes comptent sur une période glissante
    Étant donné que nous sommes le 14/07/2023 à 10h05, heure de Paris
    Et que j'ai fait une première demande, puis les autres demandes permises à la moitié de la période
    Quand il est une minute avant que la première demande ne sorte de la période
    Et je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Et la page indique que le service est bloqué jusqu'à la fin du blocage, en heure de Paris
    Quand l'heure de fin du blocage est arrivée
    Et je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le mail a bien été envoyé à »
    Quand je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Et la page indique que le service est bloqué jusqu'à la fin du blocage, en heure de Paris
    Et aucun nouveau mail n'est envoyé
